package fr.guichet.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A French number of ten digits (01 23 45 67 89) or an international one (+33 1 23 45 67 89),
 * spaces, dots and hyphens allowed between digits; blank passes.
 */
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = "^$|^0[1-9]([ .\\-]?[0-9]{2}){4}$|^\\+[1-9][0-9]{0,2}([ .\\-]?[0-9]){6,14}$")
@ReportAsSingleViolation
public @interface Phone {

    String message() default "{validation.phone}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
