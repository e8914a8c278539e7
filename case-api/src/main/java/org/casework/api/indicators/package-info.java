/** Supervisor indicators over HTTP. */
package org.casework.api.indicators;
