package jp.madoguchi.text;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fonts forms are printed with.
 *
 * @param mincho the 明朝 font file (TrueType or OpenType, a collection's first font), by
 * default IPAmj明朝 from Debian's {@code fonts-ipamj-mincho}
 */
@ConfigurationProperties("madoguchi.fonts")
public record FontProperties(@DefaultValue("/usr/share/fonts/truetype/ipamj/ipamjm.ttf") Path mincho) {

}
