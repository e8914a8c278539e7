/** Cases over HTTP: open, list, lifecycle steps, risk, reassignment. */
package org.casework.api.cases;
