package org.casework.web.assessments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.Assessment;
import org.casework.core.assessments.AssessmentService;
import org.casework.core.assessments.InstrumentDefinition;
import org.casework.core.assessments.Item;
import org.casework.core.shared.DomainException;
import org.casework.web.assessments.AssessmentPageModel.Typed;
import org.casework.web.support.Messages;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One assessment: the generated form while it is a draft (save, or save and sign), the read-only
 * record once signed, and reassessment. The server scores the answers; the page only shows what
 * it computed.
 */
@Controller
@RequiredArgsConstructor
class AssessmentPageController {

    /** Request parameters of answers are named {@code a.<item code>}. */
    static final String ANSWER_PREFIX = "a.";

    private static final String VIEW = "assessments/show";

    private final AssessmentService assessments;
    private final AssessmentPageModel page;
    private final AssessmentRefusals refusals;
    private final Messages messages;

    @GetMapping("/assessments/{id}")
    String show(@PathVariable UUID id, Model model) {
        page.fill(assessments.get(id), null, model);
        return VIEW;
    }

    @GetMapping("/assessments/{id}/reassess")
    String backToPage(@PathVariable UUID id) {
        return "redirect:/assessments/" + id;
    }

    /**
     * Saves the answers and the summary; with {@code op=sign} signs them too. Each step is its own
     * transaction, so a refused signature keeps the saved draft (and says so).
     */
    @PostMapping("/assessments/{id}")
    String save(
            @PathVariable UUID id,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String summary,
            @RequestParam(defaultValue = "save") String op,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        Assessment assessment = assessments.get(id);
        InstrumentDefinition instrument = assessments.instrumentOf(assessment);
        Map<String, String> answers = answersOf(instrument, params);
        long current = version == null ? -1 : version;
        boolean saved = false;
        try {
            assessment = assessments.saveAnswers(id, current, answers);
            current = assessment.getVersion();
            if (!sameText(summary, assessment.getSummary())) {
                assessment = assessments.saveSummary(id, current, summary);
                current = assessment.getVersion();
            }
            saved = true;
            if ("sign".equals(op)) {
                assessments.sign(id, current);
                redirect.addFlashAttribute("notice", "assessment.done.signed");
            } else {
                redirect.addFlashAttribute("notice", "assessment.done.saved");
            }
            return "redirect:/assessments/" + id;
        } catch (ObjectOptimisticLockingFailureException e) {
            return refused(id, answers, summary, null, messages.text("error.staleVersion", version, "?"), saved, model);
        } catch (DomainException e) {
            if (!AssessmentRefusals.shownOnPage(e)) {
                throw e;
            }
            return refused(
                    id,
                    answers,
                    summary,
                    AssessmentRefusals.itemOf(e, instrument),
                    refusals.describe(e, instrument),
                    saved,
                    model);
        }
    }

    @PostMapping("/assessments/{id}/reassess")
    String reassess(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            Assessment next = assessments.reassess(id);
            redirect.addFlashAttribute("notice", "assessment.done.reassessed");
            return "redirect:/assessments/" + next.getId();
        } catch (DomainException e) {
            if (!AssessmentRefusals.shownOnPage(e)) {
                throw e;
            }
            Assessment assessment = assessments.get(id);
            page.fill(assessment, null, model);
            model.addAttribute("reassessError", refusals.describe(e, assessments.instrumentOf(assessment)));
            return VIEW;
        }
    }

    /**
     * The form shows what was typed, with the stored version: after a partial save (answers saved,
     * signature refused) the next submit must carry the new version.
     */
    private String refused(
            UUID id,
            Map<String, String> answers,
            String summary,
            String item,
            String message,
            boolean saved,
            Model model) {
        page.fill(assessments.get(id), new Typed(answers, summary, item, message), model);
        model.addAttribute("draftSaved", saved);
        return VIEW;
    }

    /** The answers of the instrument's items; anything else in the request is not an answer. */
    private static Map<String, String> answersOf(
            InstrumentDefinition instrument, MultiValueMap<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Item item : instrument.items()) {
            String value = params.getFirst(ANSWER_PREFIX + item.code());
            if (value != null) {
                answers.put(item.code(), value);
            }
        }
        return answers;
    }

    private static boolean sameText(String typed, String stored) {
        String a = typed == null || typed.isBlank() ? null : typed.strip();
        return java.util.Objects.equals(a, stored);
    }
}
