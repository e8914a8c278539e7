package org.casework.core.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.Sex;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.FlagService.NewFlag;
import org.casework.core.flags.FlagService.TriageDecision;
import org.casework.core.flags.FlagType;
import org.springframework.stereotype.Component;

/**
 * A few flags, raised by the demo village directors through the service, so the station's triage
 * queue and a director's "my flags" are not empty on a fresh start: a red one waiting (its
 * deadline runs from the start), an orange one, and one the station already dismissed.
 */
@Component
@RequiredArgsConstructor
class DemoFlags {

    private final FlagService flags;
    private final Clock clock;

    /** {@code as} runs the work as the named demo user. */
    void seed(BiConsumer<String, Runnable> as) {
        as.accept(
                "director-renzhuang",
                () -> raise(
                        "小雨",
                        Sex.FEMALE,
                        7,
                        FlagType.LIVING_ALONE,
                        "父母在外打工，奶奶住院，孩子这几天一个人在家，晚上不敢睡觉。",
                        DemoCounty.RENZHUANG));
        as.accept(
                "director-renzhuang",
                () -> raise("小军", Sex.MALE, 13, FlagType.SCHOOL_DROPOUT, "开学两周没去上学，白天在村口网吧。", DemoCounty.RENZHUANG));
        Flag[] housing = new Flag[1];
        as.accept(
                "director-caozhai",
                () -> housing[0] =
                        raise("小兰", Sex.FEMALE, 10, FlagType.UNSAFE_HOUSING, "下雨时房顶漏水，墙有裂缝。", DemoCounty.CAOZHAI));
        as.accept(
                "station-guyang",
                () -> flags.triage(
                        housing[0].getId(),
                        housing[0].getVersion(),
                        new TriageDecision(FlagOutcome.DISMISSED, null, null, null, null, "已入户核实：房屋已由村委会修缮。")));
    }

    private Flag raise(String name, Sex sex, int age, FlagType type, String description, String village) {
        return flags.raise(new NewFlag(
                null,
                name,
                sex,
                age,
                "奶奶 138****0000（见村委会登记）",
                village,
                type,
                null,
                description,
                clock.instant().minus(Duration.ofMinutes(30)),
                "村内",
                null));
    }
}
