package org.casework.core.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Period;
import org.springframework.util.unit.DataSize;

/**
 * A setting that must be more than nothing: a {@link Duration}, a {@link Period} or a
 * {@link DataSize} greater than zero (a {@code Period} with no negative part). A county that writes
 * {@code P0D} or {@code -1h} for a visit interval or an SLA gets a refused start naming the setting,
 * never a silent default. {@code null} is left to {@code @NotNull}: records fill their defaults first.
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PositiveAmount.Validator.class)
public @interface PositiveAmount {

    String message() default "must be greater than zero (e.g. PT2H, P7D, P1M)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the three kinds of amount the settings use. */
    class Validator implements ConstraintValidator<PositiveAmount, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value instanceof Duration duration) {
                return !duration.isNegative() && !duration.isZero();
            }
            if (value instanceof Period period) {
                return !period.isNegative() && !period.isZero();
            }
            if (value instanceof DataSize size) {
                return size.toBytes() > 0;
            }
            throw new IllegalArgumentException("@PositiveAmount does not apply to " + value.getClass());
        }
    }
}
