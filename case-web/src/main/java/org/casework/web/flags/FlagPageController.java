package org.casework.web.flags;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.FlagService.Photo;
import org.casework.core.flags.MandatoryReport;
import org.casework.core.flags.MandatoryReportService;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.NotFoundException;
import org.casework.web.support.FormErrors;
import org.casework.web.support.Messages;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The flag page and its forms: notes (anyone who sees the flag), the mandatory report and triage
 * (station staff of its area). A refusal brings the page back with the message next to the form
 * and what was typed; a flag the user may not see is 404, like a missing one.
 */
@Controller
@RequiredArgsConstructor
class FlagPageController {

    private final FlagService flags;
    private final MandatoryReportService reports;
    private final FlagPageModel page;
    private final Messages messages;

    @GetMapping("/flags/{id}")
    String show(@PathVariable UUID id, Model model) {
        page.fill(id, model);
        return "flags/show";
    }

    /** The action URLs answer a GET (a language switch, a reload) with the flag page. */
    @GetMapping({"/flags/{id}/notes", "/flags/{id}/report", "/flags/{id}/triage"})
    String backToPage(@PathVariable UUID id) {
        return "redirect:/flags/" + id;
    }

    /** Only through the service (which checks who may see it and logs the viewing); never cached. */
    @GetMapping("/flags/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        Optional<Photo> photo = flags.photo(id);
        if (photo.isEmpty()) {
            throw new NotFoundException("flag");
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(photo.get().contentType()))
                .body(photo.get().bytes());
    }

    @PostMapping("/flags/{id}/notes")
    String addNote(
            @PathVariable UUID id,
            @RequestParam(required = false) String text,
            Model model,
            RedirectAttributes redirect) {
        try {
            flags.addNote(id, text);
            redirect.addFlashAttribute("notice", "flag.done.noted");
            return "redirect:/flags/" + id + "#notes";
        } catch (NotFoundException | AccessDeniedException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("noteError", messages.of(e));
            model.addAttribute("noteText", text);
        }
        page.fill(id, model);
        return "flags/show";
    }

    @PostMapping("/flags/{id}/report")
    String recordReport(
            @PathVariable UUID id,
            @ModelAttribute("reportForm") MandatoryReportForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            MandatoryReport.Details details = details(form, result);
            if (details != null) {
                try {
                    reports.recordForFlag(id, details);
                    // only the nine situations are 强制报告; another red flag's is a plain police report
                    redirect.addFlashAttribute(
                            "notice",
                            flags.get(id).isMandatoryReport() ? "flag.done.reported" : "flag.done.policeReported");
                    return "redirect:/flags/" + id + "#mandatory-report";
                } catch (NotFoundException | AccessDeniedException e) {
                    throw e;
                } catch (DomainException e) {
                    FormErrors.reject(result, e);
                }
            }
        }
        model.addAttribute("reportFormOpen", true);
        page.fill(id, model);
        return "flags/show";
    }

    @PostMapping("/flags/{id}/triage")
    String triage(
            @PathVariable UUID id,
            @ModelAttribute("triageForm") TriageForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Flag flag = flags.triage(id, form.getVersion() == null ? -1 : form.getVersion(), form.toDecision());
                redirect.addFlashAttribute("notice", "flag.done.triaged." + flag.getOutcome());
                if (flag.getOutcome() == FlagOutcome.CASE_OPENED) {
                    // the new case is where the work goes on
                    return "redirect:/cases/" + flag.getOutcomeCaseId();
                }
                return "redirect:/flags/" + id;
            } catch (NotFoundException | AccessDeniedException e) {
                throw e;
            } catch (DomainException e) {
                FormErrors.reject(result, e, Map.of("subType", "categorySubType"));
            }
        }
        page.fill(id, model);
        return "flags/show";
    }

    /** The typed times as instants, or null with the field at fault marked. */
    private static MandatoryReport.Details details(MandatoryReportForm form, BindingResult result) {
        Instant reported = time(form.getReportedAt(), "reportedAt", result);
        Instant civil = time(form.getCivilAffairsNotifiedAt(), "civilAffairsNotifiedAt", result);
        Instant station = time(form.getMinorProtectionNotifiedAt(), "minorProtectionNotifiedAt", result);
        if (result.hasErrors()) {
            return null;
        }
        return new MandatoryReport.Details(
                reported,
                form.getReceivingUnit(),
                form.getOfficer(),
                form.getReceiptNumber(),
                form.getReportedBy(),
                civil,
                station);
    }

    private static Instant time(String value, String field, BindingResult result) {
        try {
            return FlagForm.instant(value);
        } catch (DateTimeException e) {
            result.rejectValue(field, "flag.web.time.invalid");
            return null;
        }
    }
}
