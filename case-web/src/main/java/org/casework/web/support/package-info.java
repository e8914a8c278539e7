/** What every page shares: header data, error pages, form-error mapping, region pickers, paging. */
package org.casework.web.support;
