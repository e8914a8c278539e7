/** The command line that runs the reference client as a simulated device (tests, benchmark). */
package org.casework.sync.client.cli;
