/** Administrative divisions (province → village) with 12-digit statistical codes, and their import. */
package org.casework.core.regions;
