/** Division tree and CSV import over HTTP. */
package org.casework.api.regions;
