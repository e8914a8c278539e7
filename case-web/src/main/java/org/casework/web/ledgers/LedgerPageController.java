package org.casework.web.ledgers;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.ledgers.ImportResult;
import org.casework.core.ledgers.LedgerExportService;
import org.casework.core.ledgers.LedgerKind;
import org.casework.core.ledgers.LedgerLabels;
import org.casework.core.ledgers.LedgerWorkbooks;
import org.casework.core.ledgers.RegistryImportService;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.casework.web.support.JurisdictionRegions;
import org.casework.web.support.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The 台账 page. Exports are POSTed (the filter is in the body, never in a URL) and streamed to the
 * response as they are written. An import's refused rows stay in the user's session, so the report
 * can be downloaded once the page is shown; nothing about them goes into a URL either.
 */
@Controller
@RequiredArgsConstructor
class LedgerPageController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String IMPORT_SESSION_KEY = "ledgers.lastImport";

    private final LedgerExportService exports;
    private final RegistryImportService imports;
    private final CurrentActor currentActor;
    private final JurisdictionRegions jurisdiction;
    private final Messages messages;
    private final Clock clock;

    @GetMapping("/ledgers")
    String page(Model model) {
        currentActor.require(Permission.EXPORT_LEDGERS);
        if (!model.containsAttribute("form")) {
            LedgerForm form = new LedgerForm();
            LocalDate today = LocalDate.now(clock);
            form.setFrom(today.withDayOfYear(1));
            form.setTo(today);
            model.addAttribute("form", form);
        }
        model.addAttribute("kinds", kindsFor());
        model.addAttribute("villageGroups", jurisdiction.villages());
        model.addAttribute("canUnmask", currentActor.get().has(Permission.UNMASK_IDENTIFIERS));
        return "ledgers/index";
    }

    @PostMapping("/ledgers/export")
    String export(
            @ModelAttribute("form") LedgerForm form, BindingResult binding, Model model, HttpServletResponse response)
            throws IOException {
        if (binding.hasErrors()) {
            binding.reject("ledger.form.invalid");
            return page(model);
        }
        try {
            exports.check(form.toRequest());
        } catch (InvalidInputException e) {
            binding.rejectValue(fieldOf(e), e.getMessageKey(), e.getArguments(), e.getMessageKey());
            return page(model);
        }
        String name = labels().text(form.getKind().messageKey()) + "-" + form.getFrom() + "-" + form.getTo() + ".xlsx";
        attachment(response, name);
        try (OutputStream out = response.getOutputStream()) {
            exports.export(form.toRequest(), labels(), out);
        }
        return null;
    }

    @GetMapping("/ledgers/template")
    void template(HttpServletResponse response) throws IOException {
        currentActor.require(Permission.EXPORT_LEDGERS);
        attachment(response, labels().text("ledger.import.template.file") + ".xlsx");
        try (OutputStream out = response.getOutputStream()) {
            LedgerWorkbooks.template(out, labels());
        }
    }

    @PostMapping("/ledgers/import")
    String importLedger(
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpSession session)
            throws IOException {
        try {
            ImportResult result = imports.importLedger(file == null ? null : file.getBytes(), labels());
            session.setAttribute(IMPORT_SESSION_KEY, result);
            model.addAttribute("result", result);
            model.addAttribute(
                    "rejections",
                    result.rejections().stream()
                            .map(r ->
                                    new RejectionRow(r.rowNumber(), r.name(), labels().text(r.messageKey(), r.args())))
                            .toList());
        } catch (InvalidInputException e) {
            model.addAttribute("importError", messages.of(e));
        }
        return page(model);
    }

    @PostMapping("/ledgers/import/{id}/report")
    void report(@PathVariable UUID id, HttpSession session, HttpServletResponse response) throws IOException {
        currentActor.require(Permission.EXPORT_LEDGERS);
        if (!(session.getAttribute(IMPORT_SESSION_KEY) instanceof ImportResult last)
                || !last.importId().equals(id)) {
            throw new NotFoundException("import");
        }
        attachment(response, labels().text("ledger.report.file") + ".xlsx");
        try (OutputStream out = response.getOutputStream()) {
            LedgerWorkbooks.rejectionReport(out, last.rejections(), labels());
        }
    }

    /** A refused row as the page lists it. */
    record RejectionRow(int rowNumber, String name, String reason) {}

    private List<LedgerKind> kindsFor() {
        boolean cases = currentActor.get().has(Permission.READ_CASES);
        return java.util.Arrays.stream(LedgerKind.values())
                .filter(k -> k.category() != null || cases)
                .toList();
    }

    private LedgerLabels labels() {
        return messages::text;
    }

    private static String fieldOf(InvalidInputException e) {
        return switch (e.getField()) {
            case "kind", "from", "to", "reason" -> e.getField();
            default -> "region";
        };
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        response.setHeader("Content-Disposition", "attachment; filename=\"ledger.xlsx\"; filename*=UTF-8''" + encoded);
        response.setHeader("Cache-Control", "no-store");
    }
}
