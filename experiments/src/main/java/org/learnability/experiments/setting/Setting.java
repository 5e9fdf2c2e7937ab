package org.learnability.experiments.setting;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a plan option on the record component that holds its value, the one place where the
 * option is written out: the component's name is the option's key in {@code plan.json}, presets,
 * grid files and records; its type is the option's type; this annotation gives its command-line
 * form and help; the record's constructor checks it. Everything else (the command line, {@code
 * plan.json}, the defaults of older plans) follows from it through {@link Settings}, as Tribuo's
 * {@code @Config} fields give configuration and provenance from one declaration.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {

    /**
     * Returns the option's place in {@code plan.json} and in {@code run --help}.
     *
     * @return a number; options are listed in increasing order
     */
    int order();

    /**
     * Returns the help text of the command-line option (picocli syntax: {@code %%} for a percent
     * sign, {@code ${bundle:models}} for registry names), without the option's values: a command
     * line adds them from where they are written (each preset's file, {@link #since}, a command's
     * own defaults), so that no value is written twice.
     *
     * @return the description
     */
    String help();

    /**
     * Returns the command-line option's parameter label.
     *
     * @return e.g. {@code N}; empty for a switch
     */
    String label() default "";

    /**
     * Returns the command-line option, when it is not the key in kebab case.
     *
     * @return e.g. {@code --lr}; empty for {@code --key-in-kebab-case}
     */
    String option() default "";

    /**
     * Returns the value, as JSON, that a plan written before the option existed behaves as.
     *
     * @return e.g. {@code 1}; empty for an option every plan names
     */
    String since() default "";

    /**
     * Returns the words the command line takes for a value, each {@code word=json}.
     *
     * @return e.g. {@code none=0}
     */
    String[] words() default {};

    /**
     * Tells whether the option is part of what a recorded model was made under, so that a model
     * recorded under another value is not this plan's: false for options that only choose which
     * models there are (seeds, strategies, modes), which an experiment may extend.
     *
     * @return {@code true} for most options
     */
    boolean identity() default true;

    /**
     * Tells whether the option is a command-line option of {@code run} at all.
     *
     * @return {@code false} for a key that only files hold
     */
    boolean flag() default true;
}
