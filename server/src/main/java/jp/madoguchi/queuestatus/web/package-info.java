/** The link's receiving end, the phone page, the queue status page and their streams. */
@NullMarked
package jp.madoguchi.queuestatus.web;

import org.jspecify.annotations.NullMarked;
