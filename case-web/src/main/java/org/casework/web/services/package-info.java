/** Service records (服务记录) and visit schedules as the case workspace and the client page show them. */
package org.casework.web.services;
