/** Administration of offline sync devices: list and revoke (a lost phone). */
package org.casework.api.devices;
