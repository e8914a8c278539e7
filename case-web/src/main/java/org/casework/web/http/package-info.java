/**
 * The HTTP edge of the station server, before and after Spring MVC: request size limits, and RFC
 * 9457 problems for API paths where Tomcat or the /error page would answer in HTML.
 */
package org.casework.web.http;
