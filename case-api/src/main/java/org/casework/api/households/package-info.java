/** Households over HTTP. */
package org.casework.api.households;
