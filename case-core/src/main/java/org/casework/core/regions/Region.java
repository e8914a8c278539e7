package org.casework.core.regions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.springframework.data.domain.Persistable;

/** An administrative division; reference data keyed by its statistical code. */
@Entity
@Table(name = "region")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Region implements Persistable<String> {

    public static final int NAME_MAX_LENGTH = 100;

    @Id
    @Column(length = 12)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RegionLevel level;

    @Column(length = 12)
    private String parentCode;

    /** Codes are natural keys; this spares a select before every insert of an import. */
    @Transient
    private boolean fresh = true;

    public Region(RegionCode code, String name) {
        this.code = code.value();
        this.level = code.level();
        this.parentCode = code.parent() == null ? null : code.parent().value();
        rename(name);
    }

    /** Official names change (a township becomes a street); the code stays. */
    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A region needs a name");
        }
        // an importer's row error names the row; the rule is every text's
        this.name = FreeText.line("name", newName, NAME_MAX_LENGTH);
    }

    @Override
    public String getId() {
        return code;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }

    public RegionCode regionCode() {
        return new RegionCode(code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Region region && code.equals(region.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
