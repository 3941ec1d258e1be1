package jp.madoguchi.reception.domain;

import java.util.List;

import jp.madoguchi.reception.ReceptionView;

/** A reception with its timeline, for the inquiry's detail page. */
public record ReceptionDetail(ReceptionView reception, List<TimelineEvent> timeline) {
}
