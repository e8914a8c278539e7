/** Assessment pages: starting one, the form generated from its instrument, signing and the signed view. */
package org.casework.web.assessments;
