/* The overdue notice: past the page's next-review date (in the reader's own clock), say so under the dateline. */
/* The build never reads the clock: the dateline carries the earliest review date
   of the page's pending statements (<time datetime> in .dateline__review); the
   sentence names that date and links the updates log. Static text, no animation; read
   in order by screen readers; without JavaScript the dateline still gives the date. */
function showOverdueNotice() {
  var review = document.querySelector(".dateline__review time[datetime]");
  var log = document.querySelector(".dateline__log");
  if (!review || !log) return;
  var now = new Date();
  var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  var due = review.getAttribute("datetime");
  if (today <= due) return;
  var parts = T["overdue.text"].split("{date}");
  var note = document.createElement("p");
  note.className = "overdue-notice";
  note.appendChild(document.createTextNode(parts[0]));
  note.appendChild(review.cloneNode(true));
  note.appendChild(document.createTextNode(parts[1] + " "));
  var link = document.createElement("a");
  link.href = log.getAttribute("href");
  link.textContent = T["overdue.link"];
  note.appendChild(link);
  review.closest(".dateline").after(note);
}
