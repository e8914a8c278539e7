package org.casework.web.clients;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.ClientRecordCopies;
import org.casework.web.print.PdfDownload;
import org.casework.web.print.PdfPrinter;
import org.casework.web.print.PrintColophon;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A client's record as printed for the archive (一人一档): registry data, categories, cases,
 * assessments, service log and the change history, without navigation or buttons. Numbers stay
 * masked: a printout leaves the system, so it never carries a full ID or phone number. The same
 * page as a PDF download, each copy recorded in the client's history.
 */
@Controller
@RequiredArgsConstructor
class ClientPrintController {

    private final ClientPageModel page;
    private final PrintColophon colophon;
    private final PdfPrinter printer;
    private final ClientRecordCopies copies;

    @GetMapping("/clients/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        fill(id, model);
        return "print/client";
    }

    /**
     * The print view as a PDF file. Named by the record's id, never by the person: the name of a
     * download lands in browser histories and folders.
     */
    @GetMapping("/clients/{id}/print.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable UUID id,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        fill(id, model);
        byte[] pdf = printer.print("print/client", model.asMap(), locale, request, response);
        copies.recordPdf(id);
        return PdfDownload.of(pdf, "client-record-" + id + ".pdf");
    }

    private void fill(UUID id, Model model) {
        page.fill(id, model);
        colophon.addTo(model);
    }
}
