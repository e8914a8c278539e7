package org.casework.web.sync;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.devices.DeviceService;
import org.casework.core.devices.SyncIssue;
import org.casework.core.devices.SyncIssueService;
import org.casework.core.shared.ChinaTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Offline sync for the station: the devices a supervisor or administrator may revoke (a lost
 * phone), and what devices sent that needs a person — profile conflicts with both values, who and
 * when, and quarantined edits.
 */
@Controller
@RequiredArgsConstructor
class SyncPagesController {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final DeviceService devices;
    private final SyncIssueService issues;
    private final PeopleNames people;

    @GetMapping("/devices")
    String devices(Model model) {
        List<DeviceService.DeviceView> list = devices.list();
        List<String> logins = new ArrayList<>();
        list.forEach(d -> {
            logins.add(d.username());
            logins.add(d.revokedBy());
        });
        model.addAttribute("devices", list);
        model.addAttribute("people", people.of(logins));
        model.addAttribute("when", WHEN);
        return "sync/devices";
    }

    @PostMapping("/devices/{id}/revoke")
    String revoke(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        devices.revoke(id, reason);
        redirect.addFlashAttribute("notice", "sync.device.revoked");
        return "redirect:/devices";
    }

    @GetMapping("/sync/conflicts")
    String conflicts(Model model) {
        var open = issues.open();
        model.addAttribute(
                "conflicts",
                open.stream().filter(i -> i.kind() == SyncIssue.Kind.CONFLICT).toList());
        model.addAttribute(
                "quarantined",
                open.stream().filter(i -> i.kind() == SyncIssue.Kind.QUARANTINE).toList());
        // who sent each from the phone, by name (one lookup for the page)
        model.addAttribute(
                "people", people.of(open.stream().map(i -> i.deviceUser()).toList()));
        model.addAttribute("when", WHEN);
        return "sync/conflicts";
    }

    @PostMapping("/sync/conflicts/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam SyncIssue.Resolution resolution, RedirectAttributes redirect) {
        issues.resolve(id, resolution);
        redirect.addFlashAttribute("notice", "sync.conflict.resolved");
        return "redirect:/sync/conflicts";
    }
}
