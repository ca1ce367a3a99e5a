/** The staff API's product body: one schema in core, shared with the admin's product form. */
export { productInputSchema, type ProductInput } from '@core/product-input'
