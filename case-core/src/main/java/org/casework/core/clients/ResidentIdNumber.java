package org.casework.core.clients;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.casework.core.shared.InvalidInputException;

/**
 * A resident identity number (公民身份号码, GB 11643-1999): either the current 18-character form
 * (6-digit address, YYYYMMDD, 3-digit sequence, ISO 7064 MOD 11-2 check character) or the legacy
 * 15-digit form (address, YYMMDD in the 1900s, sequence; no check digit).
 *
 * <p>The constructor enforces every rule that does not depend on today's date, so a value loaded
 * from storage is always well formed; {@link #parse(String, Clock)} additionally refuses birth
 * dates in the future. Exceptions never carry the number itself, and {@link #toString()} is
 * masked, so a full number cannot leak into logs by accident.
 */
public record ResidentIdNumber(String value) {

    private static final String FIELD = "idNumber";
    private static final String FORMAT = "client.idNumber.format";
    private static final String CHECK_DIGIT = "client.idNumber.checkDigit";
    private static final String BIRTH_DATE = "client.idNumber.birthDate";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    public ResidentIdNumber {
        if (value == null || !(value.matches("[0-9]{17}[0-9X]") || value.matches("[0-9]{15}"))) {
            throw new InvalidInputException(FIELD, FORMAT);
        }
        if (!isProvinceCode(Integer.parseInt(value.substring(0, 2)))) {
            throw new InvalidInputException(FIELD, FORMAT);
        }
        if (value.length() == 18 && checkDigit(value.substring(0, 17)) != value.charAt(17)) {
            throw new InvalidInputException(FIELD, CHECK_DIGIT);
        }
        LocalDate birthDate = birthDateOf(value);
        if (birthDate.isBefore(EARLIEST_BIRTH)) {
            throw new InvalidInputException(FIELD, BIRTH_DATE);
        }
    }

    /** Parses user input against the system clock in UTC. */
    public static ResidentIdNumber parse(String raw) {
        return parse(raw, Clock.systemUTC());
    }

    /**
     * Parses user input: surrounding whitespace (including the full-width space an IME produces) is
     * ignored and a lower-case check character is accepted, because both are common when typing.
     */
    public static ResidentIdNumber parse(String raw, Clock clock) {
        if (raw == null) {
            throw new InvalidInputException(FIELD, FORMAT);
        }
        ResidentIdNumber id = new ResidentIdNumber(raw.strip().replace('x', 'X'));
        if (id.birthDate().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException(FIELD, BIRTH_DATE);
        }
        return id;
    }

    /**
     * Builds a valid 18-character number, e.g. for demo data. Not checked against today's date, so
     * callers generating data must choose past birth dates themselves.
     */
    public static ResidentIdNumber of(String addressCode6, LocalDate birthDate, int sequence) {
        if (addressCode6 == null || !addressCode6.matches("[0-9]{6}") || sequence < 0 || sequence > 999) {
            throw new InvalidInputException(FIELD, FORMAT);
        }
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH) || birthDate.getYear() > 9999) {
            throw new InvalidInputException(FIELD, BIRTH_DATE);
        }
        String first17 = addressCode6
                + String.format(
                        "%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth())
                + String.format("%03d", sequence);
        return new ResidentIdNumber(first17 + checkDigit(first17));
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits of an 18-character number. */
    public static char checkDigit(String first17) {
        if (first17 == null || !first17.matches("[0-9]{17}")) {
            throw new InvalidInputException(FIELD, FORMAT);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** Odd sequence numbers are issued to men, even ones to women. */
    public Sex sex() {
        int sequenceEnd = isLegacy() ? 14 : 16;
        return (value.charAt(sequenceEnd) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The county-level division where the number was first issued; it does not follow moves. */
    public String addressCode() {
        return value.substring(0, 6);
    }

    public boolean isLegacy() {
        return value.length() == 15;
    }

    /** The last four characters: what staff use to confirm identity over the phone. */
    public String tail() {
        return value.substring(value.length() - 4);
    }

    public String masked() {
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + tail();
    }

    /** The form ID numbers are compared and blind-indexed in: both spellings of one person match. */
    public String indexForm() {
        return toEighteen().value();
    }

    /**
     * The 18-character form of a legacy number, which is what the person's current card shows;
     * compare and index on this form so both spellings of one person match.
     */
    public ResidentIdNumber toEighteen() {
        if (!isLegacy()) {
            return this;
        }
        String first17 = value.substring(0, 6) + "19" + value.substring(6);
        return new ResidentIdNumber(first17 + checkDigit(first17));
    }

    /**
     * Refuses a separately entered birth date or sex that contradicts the number; null means "not
     * entered" and is not checked.
     */
    public void crossCheck(LocalDate birthDate, Sex sex) {
        if (birthDate != null && !birthDate.equals(birthDate())) {
            throw new InvalidInputException("birthDate", "client.idNumber.birthDateMismatch");
        }
        if (sex != null && sex != sex()) {
            throw new InvalidInputException("sex", "client.idNumber.sexMismatch");
        }
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDateOf(String value) {
        String yyyymmdd = value.length() == 15 ? "19" + value.substring(6, 12) : value.substring(6, 14);
        try {
            return LocalDate.of(
                    Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new InvalidInputException(FIELD, BIRTH_DATE);
        }
    }

    // Deliberately coarse: it catches typos in the first digits without tracking the
    // administrative code table, which changes every year.
    private static boolean isProvinceCode(int code) {
        return (code >= 11 && code <= 65) || code == 71 || code == 81 || code == 82;
    }
}
