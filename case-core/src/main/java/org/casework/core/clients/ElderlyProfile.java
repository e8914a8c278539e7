package org.casework.core.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** How an elderly person lives and who supports them (赡养人). */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor
public class ElderlyProfile {

    @Enumerated(EnumType.STRING)
    @Column(name = "living_arrangement", length = 30)
    private LivingArrangement livingArrangement;

    @Column(name = "supporters", length = 300)
    private String supporters;
}
