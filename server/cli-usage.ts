/**
 * The help texts of `flowapi-test-server` and of its `token` subcommand.
 */
import { COMMAND_DATES } from './dates.js';

/** Dates the command serves when `--dates` is not given (the library's own default is one week). */
export const DEFAULT_COMMAND_DATES = `${COMMAND_DATES.first}..${COMMAND_DATES.last}`;

/** Help of `flowapi-test-server` (serving). */
export const USAGE = `Usage: flowapi-test-server [options]          serve a FlowAPI test server until Ctrl-C
       flowapi-test-server token [options]    mint a token the server accepts (see token --help)

Options:
  --port N                     port to listen on (default: any free port)
  --host ADDRESS               interface to listen on (default: 127.0.0.1)
  --flowapi-version 1.18|1.3   FlowAPI contract to reproduce (default: 1.18)
  --dates FIRST..LAST          dates with calls, sms, mds and topups (default: ${DEFAULT_COMMAND_DATES})
  --subscribers N              subscribers of the synthetic country (default: the server's, 100000)
  --seed S                     seed of the synthetic country (default: 1)
  --query-duration MS|MIN..MAX time from run to completed, or a range each query draws from
                               (default: 300; --query-duration-ms is the older name)
  --queued-ms MS|MIN..MAX      part of it spent queued (default: a tenth)
  --admin                      enable the /__admin fault-injection routes
  --audience NAME              the aud claim tokens must carry (default: flowapi-test-server)
  --key-file PATH              signing key, made on first use (mode 0600) and kept, so tokens
                               minted later verify after a restart
                               (default: $XDG_STATE_HOME/flowapi-test-server/signing-key.pem,
                               else ~/.local/state/flowapi-test-server/signing-key.pem)
  --private-key PEM|FILE --public-key PEM|FILE
                               use this key pair instead of a key file
  --print-token                print a token with every scope (valid 1 hour) at start
  -h, --help                   this help

Needs the packages fastify and jose: npm i -D fastify jose`;

/** Help of `flowapi-test-server token`. */
export const TOKEN_USAGE = `Usage: flowapi-test-server token [options]    print a token signed with the key file

Options:
  --scopes LIST                comma-separated scopes; * matches within one ':' part, e.g.
                               run,get_result,get_available_dates,admin3:spatial_aggregate:*
                               (default: every scope)
  --ttl LIFETIME               lifetime: 90s, 10m, 2h, 1d, or seconds (default: 1h)
  --sub NAME                   user name in the token (default: test-user)
  --key-file PATH              the server's key file (default as for the server)
  --flowapi-version 1.18|1.3   claims format of that server version (default: 1.18)
  --audience NAME              aud claim (default: flowapi-test-server)
  --list-scopes                print every scope the server knows, one a line
  -h, --help                   this help

Only the token goes to stdout: TOKEN=$(flowapi-test-server token --scopes … --ttl 10m)`;
