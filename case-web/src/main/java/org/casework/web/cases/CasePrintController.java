package org.casework.web.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseFileCopies;
import org.casework.web.print.PdfDownload;
import org.casework.web.print.PdfPrinter;
import org.casework.web.print.PrintColophon;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case file's print view (个案档案): what an evaluator checks in the archive — intake, risk,
 * assessments with scores, the plan with its approval, the service log, referrals, closure and
 * follow-up — on one page without navigation or buttons. The same services as the workspace decide
 * who may see it. The same page as a PDF download, each copy recorded in the case's history.
 */
@Controller
@RequiredArgsConstructor
class CasePrintController {

    private final CaseWorkspaceModel page;
    private final PrintColophon colophon;
    private final PdfPrinter printer;
    private final CaseFileCopies copies;

    @GetMapping("/cases/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        fill(id, model);
        return "print/case";
    }

    /** The print view as a PDF file named by the case number (no personal data in the name). */
    @GetMapping("/cases/{id}/print.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable UUID id,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        fill(id, model);
        byte[] pdf = printer.print("print/case", model.asMap(), locale, request, response);
        String caseNumber = copies.recordPdf(id);
        return PdfDownload.of(pdf, "case-file-" + caseNumber + ".pdf");
    }

    private void fill(UUID id, Model model) {
        page.fill(id, model);
        colophon.addTo(model);
    }
}
