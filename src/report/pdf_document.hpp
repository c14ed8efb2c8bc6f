// A small page-layout engine over cairo + pango for the PDF reports: A4 pages (portrait or
// landscape), a flowing cursor, wrapped paragraphs, tables that wrap their cells, break across
// pages and repeat their header, free vector drawing through cairo, and "Page n of N" footers.
// The output is a tagged PDF: headings, paragraphs and tables are structure elements (H1, H2, P,
// Table, TR, TH, TD) in reading order, and the document information names title, author and subject.
// A report is laid out twice (render()): once to count its pages, then onto the PDF.
// Owned by the function that renders one report; not thread-safe (use one per thread).
#pragma once
#include <cairo.h>
#include <pango/pango.h>

#include <boost/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace aims::report {

/// The colours every PDF report shares (0xRRGGBB).
inline constexpr unsigned kAccent = 0x1f5fa8, kMuted = 0x5b6675, kWarn = 0xb3261e, kLine = 0xd5dbe3;

/// Sets cairo's source colour to `rgb` (0xRRGGBB) with `alpha`.
void set_rgb(cairo_t* cr, unsigned rgb, double alpha = 1);

/// A member shown in a report's cell: "—" when absent, null or empty; an array as its items joined
/// by ", "; any other value as JSON.
std::string text_of(const boost::json::object& o, std::string_view key);

class PdfDocument {
 public:
  struct Style {
    double size = 9.5;  // points
    bool bold = false;
    unsigned rgb = 0x1d2430;
    PangoAlignment align = PANGO_ALIGN_LEFT;
  };
  struct Column {
    std::string title;
    double weight = 1;  // share of the table's width
    PangoAlignment align = PANGO_ALIGN_LEFT;
  };

  /// What a document is: its orientation, its metadata and the text left of every page's footer.
  struct Info {
    bool landscape = false;
    std::string title, author, subject, footer;
  };
  using Body = std::function<void(PdfDocument&)>;

  /// A4 pages laid out by `body` (called twice: it must draw the same both times); the PDF's bytes.
  static result<std::string> render(const Info& info, const Body& body);

  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  double left() const { return margin_; }
  double width() const { return page_w_ - 2 * margin_; }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  double remaining() const { return bottom() - y_; }
  /// The cairo context of the current page, for drawing in page coordinates (points).
  cairo_t* cr() { return cr_; }

  void new_page();
  /// Starts a new page unless `height` points still fit on this one.
  void ensure(double height);

  /// Height of `text` wrapped to `width`.
  double measure(const std::string& text, double width, const Style& s);
  /// Draws wrapped text with its top-left corner at (x, y); returns its height.
  double text_at(double x, double y, double width, const std::string& text, const Style& s);
  /// A wrapped paragraph at the cursor across the full width, then `after` points of space.
  void paragraph(const std::string& text, const Style& s, double after = 4);
  /// A heading (level 1 or 2), kept on a page with at least `keep` points after it.
  void heading(const std::string& text, int level, double keep = 60);
  /// A table at the cursor: header row repeated on every page, cells wrapped, rows never split.
  void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
             double font_size = 8);

 private:
  /// A pass over the body: onto `target` (a PDF surface), or only counting pages when it is null.
  PdfDocument(const Info& info, cairo_surface_t* target, std::size_t total_pages);
  void footer();
  double bottom() const { return page_h_ - margin_ - 18; }
  PangoLayout* layout(const std::string& text, double width, const Style& s);
  /// The header row; `tagged` for its first appearance (TR of TH cells), not its repetitions.
  void draw_header_row(const std::vector<Column>& columns, const std::vector<double>& widths, double font_size,
                       bool tagged);
  /// Draws a row of laid-out cells (and releases the layouts) at the current position: an optional
  /// background, the cells, a rule underneath; then moves below it. With a `cell_tag` (TH or TD)
  /// the row is a TR of such cells in the structure tree.
  void draw_row(std::vector<PangoLayout*>& cells, const std::vector<double>& widths, double h, unsigned background,
                bool filled, unsigned rule, double rule_width, const char* cell_tag);

  double page_w_, page_h_, margin_ = 40;
  std::string footer_;
  PangoContext* pango_ = nullptr;
  cairo_surface_t* scratch_ = nullptr;  // the counting pass draws onto a 1x1 image, which ignores tags
  std::size_t page_ = 1, total_;
  cairo_t* cr_ = nullptr;
  double y_ = 0;
};

}  // namespace aims::report
