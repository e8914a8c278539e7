/** Assessment instruments and assessments over HTTP. */
package org.casework.api.assessments;
