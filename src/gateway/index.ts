/** @module Public door of the gateway: the checks every `/v1` customer-data request passes. */
export {
  accessOf,
  type CustomerAccess,
  type CustomerAccessOptions,
  requireCustomerAccess,
} from './customer-access.ts';
