/**
 * The operators' commands of the server jar ({@code java -jar case-web.jar bootstrap|rotate-key}):
 * each starts the application without the web server, does one job and exits.
 */
package org.casework.commands;
