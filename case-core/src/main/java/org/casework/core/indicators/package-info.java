/**
 * Supervisor indicators (督导指标) of product.md for a jurisdiction and a period: each figure is one
 * SQL aggregation scoped by the region-code prefix, so the county's dashboard costs a few GROUP BY
 * queries whatever the size of the county.
 */
package org.casework.core.indicators;
