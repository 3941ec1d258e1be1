package jp.madoguchi.residentrecord;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The four items of a My Number card (基本4情報) as the card reader gives them: the name in
 * one string, the birth date, the sex and the address in one line.
 *
 * @param sex {@code MALE}, {@code FEMALE} or {@code NOT_APPLICABLE}
 */
public record CardItems(String name, LocalDate birthDate, @Nullable String sex, @Nullable String address) {
}
