/**
 * The first start of a county: its regions from the shipped official files, the county guidance
 * centre, a station per township and the first administrator. Shared by the production bootstrap
 * command and the demo county.
 */
package org.casework.core.bootstrap;
