/** The demo county dataset, seeded only in the embedded default. */
package org.casework.core.demo;
