package jp.madoguchi.forms.render;

import java.util.List;

/**
 * What a signature element shows: the resident's strokes when the signature signs the
 * content being printed, else a request to sign again.
 *
 * @param valid whether the signature's content hash matches the printed content
 * @param strokes pen strokes, points normalised to the signature pad (0..1 both ways,
 * origin top-left) with the pen's pressure (0..1)
 */
public record SignatureMark(boolean valid, List<List<Point>> strokes) {

	public SignatureMark {
		strokes = strokes.stream().map(List::copyOf).toList();
	}

	/** A point of a stroke. */
	public record Point(double x, double y, double pressure) {

	}

}
