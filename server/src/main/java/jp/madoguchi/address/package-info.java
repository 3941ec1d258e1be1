/**
 * Addresses (住所): the address base registry's town master (アドレス・ベース・レジストリ 町字マスター,
 * {@code mt_town_all.csv}) and Japan Post's postal codes ({@code utf_ken_all.csv}),
 * imported by administrators and looked up by the counter. Other modules use
 * {@link jp.madoguchi.address.AddressLookup}.
 */
@ApplicationModule(displayName = "Address")
@NullMarked
package jp.madoguchi.address;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
