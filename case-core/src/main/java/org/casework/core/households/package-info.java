/** Households (户) and their place; members are clients with a relation to the head. */
package org.casework.core.households;
