#include "report/pdf_document.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <string_view>

namespace aims::report {

namespace {

constexpr double kA4Short = 595.276, kA4Long = 841.89;  // points
constexpr const char* kFont = "DejaVu Sans";
constexpr double kPad = 3;           // cell padding
constexpr int kMaxCellLines = 40;    // longer cell text ends with an ellipsis, so a row fits a page


double height_of(PangoLayout* l) {
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

/// Draws a layout with its top-left corner at the current point, line by line; a line followed by
/// another one ends with one real space. (pango hands cairo the space a line wrapped at as a
/// cluster without glyphs, and cairo 1.16 writes that as an empty marked-content span, where
/// structure-aware text extraction stops reading the element: every later line would be lost, and
/// lines would run together.)
void show_layout(cairo_t* cr, PangoLayout* l) {
  double x0 = 0, y0 = 0;
  cairo_get_current_point(cr, &x0, &y0);
  std::string_view text = pango_layout_get_text(l);
  PangoLayoutIter* it = pango_layout_get_iter(l);
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    cairo_move_to(cr, x0 + static_cast<double>(logical.x) / PANGO_SCALE,
                  y0 + static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE);
    if (pango_layout_iter_at_last_line(it)) {
      pango_cairo_show_layout_line(cr, line);
    } else {
      auto own = text.substr(static_cast<std::size_t>(line->start_index), static_cast<std::size_t>(line->length));
      std::string words(own.substr(0, own.find_last_not_of(" \t\r\n") + 1));
      words += ' ';
      PangoLayout* one = pango_layout_copy(l);
      pango_layout_set_width(one, -1);
      pango_layout_set_height(one, -1);
      pango_layout_set_text(one, words.data(), static_cast<int>(words.size()));
      pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(one, 0));
      g_object_unref(one);
    }
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

}  // namespace

void set_rgb(cairo_t* cr, unsigned rgb, double alpha) {
  cairo_set_source_rgba(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, alpha);
}

std::string text_of(const boost::json::object& o, std::string_view key) {
  auto p = o.if_contains(key);
  if (!p || p->is_null()) return "—";
  if (p->is_string()) return p->as_string().empty() ? "—" : std::string(p->as_string());
  if (p->is_array()) {
    std::string out;
    for (const auto& v : p->as_array()) {
      if (!out.empty()) out += ", ";
      out += v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
    }
    return out.empty() ? "—" : out;
  }
  return boost::json::serialize(*p);
}

PdfDocument::PdfDocument(const Info& info, cairo_surface_t* target, std::size_t total_pages)
    : page_w_(info.landscape ? kA4Long : kA4Short),
      page_h_(info.landscape ? kA4Short : kA4Long),
      footer_(info.footer),
      total_(total_pages) {
  // The thread's default font map: pango keeps one per thread, so concurrent reports do not share it.
  pango_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
  pango_cairo_context_set_resolution(pango_, 72);  // 1 point = 1 unit of the page
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pango_, fo);
  cairo_font_options_destroy(fo);
  if (!target) target = scratch_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
  cr_ = cairo_create(target);
  y_ = margin_;
}

PdfDocument::~PdfDocument() {
  if (cr_) cairo_destroy(cr_);
  if (scratch_) cairo_surface_destroy(scratch_);
  if (pango_) g_object_unref(pango_);
}

result<std::string> PdfDocument::render(const Info& info, const Body& body) {
  std::size_t pages = 0;
  {
    PdfDocument count(info, nullptr, 0);
    body(count);
    pages = count.page_;
  }
  std::string out;
  cairo_surface_t* pdf = cairo_pdf_surface_create_for_stream(append, &out, info.landscape ? kA4Long : kA4Short,
                                                             info.landscape ? kA4Short : kA4Long);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  if (!info.author.empty()) cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
  if (!info.subject.empty()) cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "aims");
  {
    PdfDocument doc(info, pdf, pages);
    cairo_tag_begin(doc.cr_, "Document", "");  // the root: without it cairo marks the PDF as not tagged
    body(doc);
    doc.footer();
    cairo_tag_end(doc.cr_, "Document");
    cairo_show_page(doc.cr_);
  }
  cairo_surface_finish(pdf);
  auto st = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  if (st != CAIRO_STATUS_SUCCESS) return make_error(errc::internal, std::string("writing the PDF failed: ") + cairo_status_to_string(st));
  return out;
}

void PdfDocument::new_page() {
  footer();
  cairo_show_page(cr_);
  ++page_;
  y_ = margin_;
}

void PdfDocument::footer() {
  if (scratch_) return;  // the counting pass
  Style fs{7.5, false, 0x5b6675};
  double fy = page_h_ - margin_ - 8;
  set_rgb(cr_, 0xd5dbe3);
  cairo_set_line_width(cr_, 0.5);
  cairo_move_to(cr_, margin_, fy - 4);
  cairo_line_to(cr_, page_w_ - margin_, fy - 4);
  cairo_stroke(cr_);
  text_at(margin_, fy, width() * 0.75, footer_, fs);
  fs.align = PANGO_ALIGN_RIGHT;
  text_at(margin_ + width() * 0.75, fy, width() * 0.25, "Page " + std::to_string(page_) + " of " + std::to_string(total_), fs);
}

void PdfDocument::ensure(double height) {
  if (y_ + height > bottom() && y_ > margin_ + 1) new_page();
}

PangoLayout* PdfDocument::layout(const std::string& text, double width, const Style& s) {
  PangoLayout* l = pango_layout_new(pango_);
  PangoFontDescription* fd = pango_font_description_from_string(kFont);
  pango_font_description_set_size(fd, static_cast<int>(s.size * PANGO_SCALE));
  pango_font_description_set_weight(fd, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l, s.align);
  // No ligatures: text extraction, search and screen readers get "ff", not "ﬀ".
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_font_features_new("liga=0, clig=0"));
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
  return l;
}

double PdfDocument::measure(const std::string& text, double width, const Style& s) {
  PangoLayout* l = layout(text, width, s);
  double h = height_of(l);
  g_object_unref(l);
  return h;
}

double PdfDocument::text_at(double x, double y, double width, const std::string& text, const Style& s) {
  PangoLayout* l = layout(text, width, s);
  set_rgb(cr_, s.rgb);
  cairo_move_to(cr_, x, y);
  show_layout(cr_, l);
  double h = height_of(l);
  g_object_unref(l);
  return h;
}

void PdfDocument::paragraph(const std::string& text, const Style& s, double after) {
  PangoLayout* l = layout(text, width(), s);
  double h = height_of(l);
  ensure(h);
  cairo_tag_begin(cr_, "P", "");
  set_rgb(cr_, s.rgb);
  cairo_move_to(cr_, left(), y_);
  show_layout(cr_, l);
  cairo_tag_end(cr_, "P");
  g_object_unref(l);
  y_ += h + after;
}

void PdfDocument::heading(const std::string& text, int level, double keep) {
  Style s{level == 1 ? 15.0 : 11.5, true, level == 1 ? 0x1f5fa8u : 0x1d2430u};
  double h = measure(text, width(), s);
  ensure(h + keep);
  if (y_ > margin_ + 1) y_ += level == 1 ? 10 : 6;
  const char* tag = level == 1 ? "H1" : "H2";
  cairo_tag_begin(cr_, tag, "");
  text_at(left(), y_, width(), text, s);
  cairo_tag_end(cr_, tag);
  y_ += h + 2;
  if (level == 1) {
    set_rgb(cr_, 0x1f5fa8);
    cairo_set_line_width(cr_, 1.2);
    cairo_move_to(cr_, left(), y_);
    cairo_line_to(cr_, left() + width(), y_);
    cairo_stroke(cr_);
    y_ += 6;
  } else {
    y_ += 2;
  }
}

void PdfDocument::draw_header_row(const std::vector<Column>& columns, const std::vector<double>& widths,
                                  double font_size, bool tagged) {
  Style hs{font_size, true};
  double h = 0;
  std::vector<PangoLayout*> ls;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    hs.align = columns[c].align;
    ls.push_back(layout(columns[c].title, widths[c] - 2 * kPad, hs));
    h = std::max(h, height_of(ls.back()));
  }
  h += 2 * kPad;
  draw_row(ls, widths, h, 0xe4eaf2, true, 0x9aa6b5, 0.6, tagged ? "TH" : nullptr);
}

void PdfDocument::draw_row(std::vector<PangoLayout*>& cells, const std::vector<double>& widths, double h,
                           unsigned background, bool filled, unsigned rule, double rule_width, const char* cell_tag) {
  if (filled) {
    cairo_rectangle(cr_, left(), y_, width(), h);
    set_rgb(cr_, background);
    cairo_fill(cr_);
  }
  double x = left();
  if (cell_tag) cairo_tag_begin(cr_, "TR", "");
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cell_tag) cairo_tag_begin(cr_, cell_tag, "");
    set_rgb(cr_, 0x1d2430);
    cairo_move_to(cr_, x + kPad, y_ + kPad);
    show_layout(cr_, cells[c]);
    g_object_unref(cells[c]);
    if (cell_tag) cairo_tag_end(cr_, cell_tag);
    x += widths[c];
  }
  if (cell_tag) cairo_tag_end(cr_, "TR");
  set_rgb(cr_, rule);
  cairo_set_line_width(cr_, rule_width);
  cairo_move_to(cr_, left(), y_ + h);
  cairo_line_to(cr_, left() + width(), y_ + h);
  cairo_stroke(cr_);
  y_ += h;
}

void PdfDocument::table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
                        double font_size) {
  double total = 0;
  for (const auto& c : columns) total += c.weight;
  std::vector<double> widths;
  for (const auto& c : columns) widths.push_back(width() * c.weight / total);
  Style cs{font_size};
  double header_h = measure("Xg", 100, Style{font_size, true}) + 2 * kPad;
  ensure(header_h + 2 * measure("Xg", 100, cs) + 4 * kPad);
  cairo_tag_begin(cr_, "Table", "");
  draw_header_row(columns, widths, font_size, true);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<PangoLayout*> ls;
    double h = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      cs.align = columns[c].align;
      PangoLayout* l = layout(c < rows[r].size() ? rows[r][c] : std::string(), widths[c] - 2 * kPad, cs);
      pango_layout_set_height(l, -kMaxCellLines);
      pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
      h = std::max(h, height_of(l));
      ls.push_back(l);
    }
    h += 2 * kPad;
    if (y_ + h > bottom()) {
      new_page();
      draw_header_row(columns, widths, font_size, false);  // a repetition: not part of the structure
    }
    draw_row(ls, widths, h, 0xf4f6f9, r % 2 == 1, 0xd5dbe3, 0.4, "TD");
  }
  cairo_tag_end(cr_, "Table");
  y_ += 8;
}

}  // namespace aims::report
