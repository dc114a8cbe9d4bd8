/**
 * The handset catalogue of the synthetic country: every model with its type, brand and software,
 * the values FlowMachine's `handset` query reports per characteristic.
 */

/** One handset model. */
export interface Handset {
  /** `hnd_type`. */
  readonly hnd_type: string;
  /** `brand`. */
  readonly brand: string;
  /** `model`. */
  readonly model: string;
  /** `software_os_name`. */
  readonly software_os_name: string;
  /** `software_os_vendor`. */
  readonly software_os_vendor: string;
}

/** Handset models, most common first (the population draws low indices more often). */
export const HANDSETS: readonly Handset[] = [
  { hnd_type: 'Smart', brand: 'Samsung', model: 'Galaxy A10', software_os_name: 'Android', software_os_vendor: 'Google' },
  { hnd_type: 'Feature', brand: 'Nokia', model: '3310', software_os_name: 'KaiOS', software_os_vendor: 'KaiOS Technologies' },
  { hnd_type: 'Smart', brand: 'Huawei', model: 'P30', software_os_name: 'Android', software_os_vendor: 'Google' },
  { hnd_type: 'Smart', brand: 'Apple', model: 'iPhone 8', software_os_name: 'iOS', software_os_vendor: 'Apple' },
  { hnd_type: 'Basic', brand: 'Nokia', model: '105', software_os_name: 'Series 30+', software_os_vendor: 'Nokia' },
  { hnd_type: 'Smart', brand: 'Samsung', model: 'Galaxy S9', software_os_name: 'Android', software_os_vendor: 'Google' },
];
