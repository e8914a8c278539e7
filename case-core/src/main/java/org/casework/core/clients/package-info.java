/** Clients (服务对象): identity number, phone and name value objects used to register and find them. */
package org.casework.core.clients;
