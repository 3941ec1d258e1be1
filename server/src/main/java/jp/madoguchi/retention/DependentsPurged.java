package jp.madoguchi.retention;

/**
 * Published by a module that, during a retention run, deleted its own rows because the
 * records they belong to were purged by another module's {@link Purgeable} (e.g. the
 * print jobs of purged notifications). Published synchronously inside the run's
 * transaction; the run reports {@code purged} under {@code target} and audits it like a
 * target of its own.
 *
 * @param target {@code <module>.<records>}, e.g. {@code forms.print_jobs}
 * @param purged how many rows were deleted
 */
public record DependentsPurged(String target, long purged) {

}
