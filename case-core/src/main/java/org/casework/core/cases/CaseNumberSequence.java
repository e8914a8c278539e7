package org.casework.core.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import lombok.AccessLevel;
import lombok.NoArgsConstructor;

/** The last case number handed out in a county and year. */
@Entity
@Table(name = "case_number_sequence")
@IdClass(CaseNumberSequence.Key.class)
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CaseNumberSequence {

    @Id
    @Column(name = "county_code", length = 6)
    private String countyCode;

    @Id
    @Column(name = "year_number")
    private int year;

    @Column(name = "last_value", nullable = false)
    private int lastValue;

    CaseNumberSequence(String countyCode, int year) {
        this.countyCode = countyCode;
        this.year = year;
    }

    int next() {
        return ++lastValue;
    }

    record Key(String countyCode, int year) implements Serializable {
        Key() {
            this(null, 0);
        }
    }
}
