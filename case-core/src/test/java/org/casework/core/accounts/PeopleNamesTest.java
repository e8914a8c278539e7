package org.casework.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Role;
import org.casework.core.shared.RegionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeopleNamesTest {

    private final UserAccountRepository accounts = mock(UserAccountRepository.class);
    private final CurrentActor currentActor = mock(CurrentActor.class);
    private final PeopleNames names = new PeopleNames(accounts, currentActor);

    @BeforeEach
    void aLoggedInLiaison() {
        when(currentActor.get())
                .thenReturn(new Actor(
                        UUID.randomUUID(),
                        "liaison-fulian",
                        Role.DEPARTMENT_LIAISON,
                        new RegionCode("410225"),
                        UUID.randomUUID()));
        when(accounts.displayNamesOf(anyCollection())).thenAnswer(call -> {
            Collection<String> asked = call.getArgument(0);
            return asked.stream()
                    .filter(login -> login.startsWith("station-"))
                    .map(login -> new LoginName(login, "社工 " + login.substring(8)))
                    .toList();
        });
    }

    @Test
    void resolvesAPagesLoginsInOneQueryWhateverTheRepeats() {
        DisplayNames shown = names.of(Arrays.asList("station-a", "station-b", "station-a", null, "station-b"));

        assertThat(shown.of("station-a")).isEqualTo("社工 a");
        assertThat(shown.of("station-b")).isEqualTo("社工 b");
        verify(accounts, times(1)).displayNamesOf(List.of("station-a", "station-b"));
    }

    @Test
    void showsALoginThatIsNoAccountAsRecorded() {
        DisplayNames shown = names.of(List.of("system", "station-a"));

        assertThat(shown.of("system")).isEqualTo("system");
        assertThat(shown.of(null)).isNull();
    }

    @Test
    void asksNothingOfTheDatabaseForAPageWithoutPeople() {
        assertThat(names.of(List.of()).of("station-a")).isEqualTo("station-a");
        verify(accounts, never()).displayNamesOf(anyCollection());
    }

    @Test
    void splitsAHugeListIntoBoundedQueries() {
        List<String> logins = new ArrayList<>(IntStream.range(0, PeopleNames.BATCH * 2 + 1)
                .mapToObj(i -> "station-" + i)
                .toList());

        DisplayNames shown = names.of(logins);

        verify(accounts, times(3)).displayNamesOf(anyCollection());
        assertThat(shown.of("station-" + PeopleNames.BATCH * 2)).isEqualTo("社工 " + PeopleNames.BATCH * 2);
    }

    @Test
    void refusesWhenNobodyIsLoggedIn() {
        when(currentActor.get()).thenThrow(new IllegalStateException("no actor"));

        assertThatThrownBy(() -> names.of(List.of("station-a"))).isInstanceOf(IllegalStateException.class);
        verify(accounts, never()).displayNamesOf(anyCollection());
    }
}
