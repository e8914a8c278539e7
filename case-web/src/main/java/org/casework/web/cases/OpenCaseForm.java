package org.casework.web.cases;

import java.io.Serializable;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.cases.CaseSource;

/** Opening a case (a lead) from the client page: where it came from and why. */
@Getter
@Setter
public class OpenCaseForm implements Serializable {

    private CaseSource source;
    private String reason;
}
