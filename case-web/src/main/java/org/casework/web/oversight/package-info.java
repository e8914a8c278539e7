/** The supervision dashboard (统计/督导) and the lists behind its figures. */
package org.casework.web.oversight;
