/** The print views (一人一档) as PDF: the same page, rendered by the server with a CJK font. */
package org.casework.web.print;
