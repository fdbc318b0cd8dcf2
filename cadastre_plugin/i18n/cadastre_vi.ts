<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_US">
<context>
    <name>CadastreActions</name>
    <message>
        <location filename="../ui/actions.py" line="237"/>
        <source>Cadastre Editor</source>
        <translation>Biên tập địa chính</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="49"/>
        <source>&amp;Cadastre</source>
        <translation>&amp;Địa chính</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="60"/>
        <source>Open working copy…</source>
        <translation>Mở bản sao làm việc…</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="64"/>
        <source>New demo working copy…</source>
        <translation>Tạo bản sao làm việc mẫu…</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="69"/>
        <source>Working copy information</source>
        <translation>Thông tin bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="69"/>
        <source>Show what the working copy of the active parcel layer holds</source>
        <translation>Xem nội dung bản sao làm việc của lớp thửa đất đang chọn</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="72"/>
        <source>Journal</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="72"/>
        <source>List the newest journal entries of the active working copy</source>
        <translation>Liệt kê các mục nhật ký mới nhất của bản sao làm việc đang chọn</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="147"/>
        <source>Select the parcel layer of a Cadastre Editor working copy</source>
        <translation>Hãy chọn lớp thửa đất của một bản sao làm việc Cadastre Editor</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="162"/>
        <source>Open working copy</source>
        <translation>Mở bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="162"/>
        <source>GeoPackage working copies (*.gpkg)</source>
        <translation>Bản sao làm việc GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="176"/>
        <source>Cannot open the working copy</source>
        <translation>Không mở được bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="231"/>
        <source>Cannot create the demo working copy</source>
        <translation>Không tạo được bản sao làm việc mẫu</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="237"/>
        <source>Demo working copy created: {path}</source>
        <translation>Đã tạo bản sao làm việc mẫu: {path}</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="249"/>
        <source>Cannot read the working copy</source>
        <translation>Không đọc được bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="60"/>
        <source>Open a Cadastre Editor working copy, a GeoPackage file, and add its parcels and map sheets to the map</source>
        <translation>Mở một bản sao làm việc Cadastre Editor, là một tệp GeoPackage, và đưa các thửa đất, tờ bản đồ của nó lên bản đồ</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="64"/>
        <source>Generate a demo commune of Hải Phòng in VN-2000 TM-3 into a new working copy and open it</source>
        <translation>Tạo một xã mẫu thuộc Hải Phòng, hệ tọa độ VN-2000 múi chiếu 3°, thành bản sao làm việc mới và mở nó</translation>
    </message>
</context>
<context>
    <name>CadastrePlugin</name>
    <message>
        <location filename="../plugin.py" line="39"/>
        <source>Cadastre Editor cannot start</source>
        <translation>Không khởi động được Cadastre Editor</translation>
    </message>
</context>
<context>
    <name>CadastreProvider</name>
    <message>
        <location filename="../processing/provider.py" line="17"/>
        <source>Cadastre Editor</source>
        <translation>Biên tập địa chính</translation>
    </message>
</context>
<context>
    <name>DemoDialog</name>
    <message>
        <location filename="../ui/demo_dialog.py" line="24"/>
        <source>New demo working copy</source>
        <translation>Tạo bản sao làm việc mẫu</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="26"/>
        <source>Generates a synthetic commune in Hải Phòng (VN-2000, TM-3 zone 105°45′, EPSG:9210) with map sheets, numbered parcels, parties, rights and certificates, and opens it.</source>
        <translation>Tạo một xã giả lập thuộc Hải Phòng (VN-2000, múi chiếu 3° kinh tuyến trục 105°45′, EPSG:9210) gồm các tờ bản đồ, thửa đất đã đánh số, chủ sử dụng, quyền sử dụng đất và giấy chứng nhận, rồi mở ra.</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="33"/>
        <source>GeoPackage working copies (*.gpkg)</source>
        <translation>Bản sao làm việc GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="46"/>
        <source>The same seed gives the same commune</source>
        <translation>Cùng một giá trị khởi tạo luôn cho ra cùng một xã</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="49"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="50"/>
        <source>Number of parcels</source>
        <translation>Số thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="51"/>
        <source>Seed</source>
        <translation>Giá trị khởi tạo</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="79"/>
        <source>Choose the file to write the working copy to.</source>
        <translation>Hãy chọn tệp để ghi bản sao làm việc.</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="83"/>
        <source>{path} exists already. Replace it with the demo working copy?</source>
        <translation>{path} đã tồn tại. Thay thế bằng bản sao làm việc mẫu?</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="54"/>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="55"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>DemoGenerationTask</name>
    <message>
        <location filename="../ui/demo_task.py" line="39"/>
        <source>Generating a demo working copy of {count} parcels</source>
        <translation>Đang tạo bản sao làm việc mẫu gồm {count} thửa đất</translation>
    </message>
</context>
<context>
    <name>Dependencies</name>
    <message>
        <location filename="../ui/dependencies.py" line="47"/>
        <source>{requirement} (not installed)</source>
        <translation>{requirement} (chưa cài đặt)</translation>
    </message>
    <message>
        <location filename="../ui/dependencies.py" line="50"/>
        <source>{requirement} (found {found})</source>
        <translation>{requirement} (đang có {found})</translation>
    </message>
    <message>
        <location filename="../ui/dependencies.py" line="58"/>
        <source>Cadastre Editor needs these Python packages in the Python that QGIS uses: {problems}. Install them (for example: python3 -m pip install {pip_args}) and restart QGIS.</source>
        <translation>Cadastre Editor cần các gói Python sau trong môi trường Python mà QGIS sử dụng: {problems}. Hãy cài đặt chúng (ví dụ: python3 -m pip install {pip_args}) rồi khởi động lại QGIS.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../ui/errors.py" line="18"/>
        <source>Unexpected error: {error}. Details are in the log panel (Cadastre Editor).</source>
        <translation>Lỗi ngoài dự kiến: {error}. Chi tiết có trong bảng thông báo nhật ký của QGIS (mục Cadastre Editor).</translation>
    </message>
</context>
<context>
    <name>ExportAlgorithm</name>
    <message>
        <location filename="../io/import_algorithms.py" line="255"/>
        <source>Export parcels (GeoPackage, shapefile, GeoJSON)</source>
        <translation>Xuất thửa đất (GeoPackage, shapefile, GeoJSON)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="258"/>
        <source>Import and export</source>
        <translation>Nhập và xuất</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="264"/>
        <source>Writes the parcels of a working copy, or of some sheets or parcel numbers (e.g. 5/12-20,31), under the Vietnamese field names; shapefiles with 10-character names in UTF-8 with a .cpg file.</source>
        <translation>Ghi các thửa đất của bản sao làm việc, hoặc của một số tờ hay số thửa (ví dụ 5/12-20,31), với tên trường tiếng Việt; shapefile có tên trường 10 ký tự, mã UTF-8 kèm tệp .cpg.</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="269"/>
        <source>Working copy</source>
        <translation>Bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="271"/>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="273"/>
        <source>Only these sheets (e.g. 1,4)</source>
        <translation>Chỉ các tờ này (ví dụ 1,4)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="275"/>
        <source>Only these parcels (e.g. 5/12-20,31; 6/2)</source>
        <translation>Chỉ các thửa này (ví dụ 5/12-20,31; 6/2)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="277"/>
        <source>Include retired parcels</source>
        <translation>Gồm cả thửa đã xoá bỏ</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="279"/>
        <source>Output file</source>
        <translation>Tệp kết quả</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="279"/>
        <source>GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson)</source>
        <translation>GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="282"/>
        <source>Parcels written</source>
        <translation>Số thửa đã ghi</translation>
    </message>
</context>
<context>
    <name>ImportAlgorithm</name>
    <message>
        <location filename="../io/import_algorithms.py" line="47"/>
        <source>Import and export</source>
        <translation>Nhập và xuất</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="54"/>
        <source>Working copy (existing, or new)</source>
        <translation>Bản sao làm việc (có sẵn hoặc mới)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="54"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="57"/>
        <source>Commune code (for a new working copy)</source>
        <translation>Mã xã (cho bản sao làm việc mới)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="60"/>
        <source>Commune name (for a new working copy)</source>
        <translation>Tên xã (cho bản sao làm việc mới)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="63"/>
        <source>Commune CRS, VN-2000 TM-3 (for a new working copy)</source>
        <translation>Hệ toạ độ của xã, VN-2000 TM-3 (cho bản sao làm việc mới)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="67"/>
        <source>Problem report (JSON)</source>
        <translation>Báo cáo lỗi (JSON)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="67"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="70"/>
        <source>Problems found</source>
        <translation>Số lỗi phát hiện</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="73"/>
        <source>Parcels imported</source>
        <translation>Số thửa đã nhập</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="75"/>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="76"/>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="90"/>
        <source>The working copy does not exist yet: give the commune code and its CRS.</source>
        <translation>Bản sao làm việc chưa tồn tại: hãy nhập mã xã và hệ toạ độ của xã.</translation>
    </message>
</context>
<context>
    <name>ImportDgnAlgorithm</name>
    <message>
        <location filename="../io/import_algorithms.py" line="140"/>
        <source>Import DGN cadastral sheet</source>
        <translation>Nhập tờ bản đồ địa chính DGN</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="143"/>
        <source>Builds parcels from a MicroStation DGN v7 sheet drawn by Circular 25/2014 (boundaries on level 10, parcel numbers on 11, land use on 2, areas on 4) and writes them into a working copy. Every problem (line work that does not close, a parcel without a number or with two, a label outside any parcel, a wrong area text) comes back as a point where it is.</source>
        <translation>Tạo thửa đất từ tờ bản đồ MicroStation DGN v7 vẽ theo Thông tư 25/2014 (ranh thửa ở lớp 10, số thửa ở lớp 11, loại đất ở lớp 2, diện tích ở lớp 4) và ghi vào bản sao làm việc. Mọi lỗi (đường ranh không khép kín, thửa không có số hoặc có hai số, nhãn nằm ngoài thửa, ghi chú diện tích sai) được trả về dưới dạng điểm tại đúng vị trí.</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="150"/>
        <source>DGN file (V7)</source>
        <translation>Tệp DGN (V7)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="152"/>
        <source>Map sheet number</source>
        <translation>Số hiệu tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="155"/>
        <source>Sheet scale</source>
        <translation>Tỷ lệ tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="157"/>
        <source>Snapping tolerance (m; empty: the scale&apos;s point accuracy)</source>
        <translation>Dung sai bắt điểm (m; để trống: độ chính xác điểm theo tỷ lệ)</translation>
    </message>
</context>
<context>
    <name>ImportLayerAlgorithm</name>
    <message>
        <location filename="../io/import_algorithms.py" line="190"/>
        <source>Import parcels (shapefile, MapInfo, GeoPackage, GeoJSON, EDIGEO)</source>
        <translation>Nhập thửa đất (shapefile, MapInfo, GeoPackage, GeoJSON, EDIGEO)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="193"/>
        <source>Imports a parcel layer through a field mapping (a saved JSON file, or the Vietnamese schema recognised by its field names, 10-character shapefile forms included), reprojected into the commune&apos;s CRS. Rows that cannot be imported are listed with the reason; nothing is dropped silently.</source>
        <translation>Nhập một lớp thửa đất qua bảng ánh xạ trường (tệp JSON đã lưu, hoặc lược đồ tiếng Việt nhận biết theo tên trường, kể cả dạng 10 ký tự của shapefile), chuyển sang hệ toạ độ của xã. Các dòng không nhập được đều được liệt kê kèm lý do; không bỏ sót dòng nào.</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="199"/>
        <source>Source file</source>
        <translation>Tệp nguồn</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="200"/>
        <source>Layer (when the source has several)</source>
        <translation>Lớp (khi nguồn có nhiều lớp)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="202"/>
        <source>Field mapping (JSON)</source>
        <translation>Ánh xạ trường (JSON)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="204"/>
        <source>Preset (when no mapping file)</source>
        <translation>Mẫu có sẵn (khi không có tệp ánh xạ)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="206"/>
        <source>Source CRS (when the file has none or a wrong one)</source>
        <translation>Hệ toạ độ nguồn (khi tệp không có hoặc sai)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="209"/>
        <source>Map sheet number for every row (overrides the mapping)</source>
        <translation>Số hiệu tờ bản đồ cho mọi dòng (thay cho ánh xạ)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="212"/>
        <source>Sheet scale</source>
        <translation>Tỷ lệ tờ bản đồ</translation>
    </message>
</context>
<context>
    <name>JournalDock</name>
    <message>
        <location filename="../ui/journal_dock.py" line="45"/>
        <source>Journal</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="55"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="56"/>
        <source>Read the journal again from the working copy</source>
        <translation>Đọc lại nhật ký từ bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="61"/>
        <source>Recorded at</source>
        <translation>Thời điểm ghi</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="61"/>
        <source>Operation</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="61"/>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="61"/>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="61"/>
        <source>Map sheet</source>
        <translation>Tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="61"/>
        <source>Parcel</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="81"/>
        <source>Select the parcel layer of a Cadastre Editor working copy</source>
        <translation>Hãy chọn lớp thửa đất của một bản sao làm việc Cadastre Editor</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="87"/>
        <source>added</source>
        <translation>thêm mới</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="88"/>
        <source>changed</source>
        <translation>sửa đổi</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="89"/>
        <source>deleted</source>
        <translation>xóa</translation>
    </message>
    <message>
        <location filename="../ui/journal_dock.py" line="125"/>
        <source>{name}: {count} newest entries</source>
        <translation>{name}: {count} mục mới nhất</translation>
    </message>
</context>
<context>
    <name>NewDemoAlgorithm</name>
    <message>
        <location filename="../processing/new_demo.py" line="25"/>
        <source>New demo working copy</source>
        <translation>Tạo bản sao làm việc mẫu</translation>
    </message>
    <message>
        <location filename="../processing/new_demo.py" line="28"/>
        <source>Generates the synthetic demo commune (Hải Phòng, VN-2000 TM-3 105°45′, EPSG:9210) into a new working copy: map sheets, numbered parcels, parties, rights and certificates. The same seed gives the same commune.</source>
        <translation>Tạo xã mẫu tổng hợp (Hải Phòng, VN-2000 TM-3 105°45′, EPSG:9210) vào một bản sao làm việc mới: tờ bản đồ, thửa đất đã đánh số, chủ sử dụng, quyền và giấy chứng nhận. Cùng một hạt giống cho cùng một xã.</translation>
    </message>
    <message>
        <location filename="../processing/new_demo.py" line="33"/>
        <source>Number of parcels</source>
        <translation>Số thửa đất</translation>
    </message>
    <message>
        <location filename="../processing/new_demo.py" line="36"/>
        <source>Random seed</source>
        <translation>Hạt giống ngẫu nhiên</translation>
    </message>
    <message>
        <location filename="../processing/new_demo.py" line="38"/>
        <source>Working copy</source>
        <translation>Bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../processing/new_demo.py" line="38"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../processing/new_demo.py" line="40"/>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <location filename="../processing/new_demo.py" line="42"/>
        <source>Parcels written</source>
        <translation>Số thửa đã ghi</translation>
    </message>
    <message>
        <location filename="../processing/new_demo.py" line="52"/>
        <source>{n} parcels on {s} map sheets written to {p}</source>
        <translation>Đã ghi {n} thửa đất trên {s} tờ bản đồ vào {p}</translation>
    </message>
</context>
<context>
    <name>ParcelExtractAlgorithm</name>
    <message>
        <location filename="../printing/extract_algorithm.py" line="29"/>
        <source>Parcel extract (trích lục) to PDF</source>
        <translation>Trích lục bản đồ địa chính ra PDF</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="32"/>
        <source>Import and export</source>
        <translation>Nhập và xuất</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="38"/>
        <source>Prints the cadastral map extract of one parcel on A4: the parcel and its neighbours, numbered boundary points, edge lengths, the VN-2000 coordinate table (continued on a second page when long), area, land use, holders and the signature block.</source>
        <translation>In trích lục bản đồ địa chính của một thửa trên khổ A4: thửa đất và các thửa liền kề, các điểm đỉnh thửa đánh số, chiều dài cạnh, bảng toạ độ VN-2000 (sang trang thứ hai khi dài), diện tích, mục đích sử dụng, người sử dụng đất và phần ký xác nhận.</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="44"/>
        <source>Working copy</source>
        <translation>Bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="46"/>
        <source>Map sheet number</source>
        <translation>Số hiệu tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="49"/>
        <source>Parcel number</source>
        <translation>Số thửa</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="52"/>
        <source>Date printed (YYYY-MM-DD; empty: today)</source>
        <translation>Ngày in (YYYY-MM-DD; để trống: hôm nay)</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="54"/>
        <source>Issuing office</source>
        <translation>Cơ quan trích lục</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="56"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="56"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="58"/>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../printing/extract_algorithm.py" line="67"/>
        <source>The date must be written YYYY-MM-DD.</source>
        <translation>Ngày phải viết theo dạng YYYY-MM-DD.</translation>
    </message>
</context>
<context>
    <name>WorkingCopyInfoAlgorithm</name>
    <message>
        <location filename="../processing/working_copy_info.py" line="26"/>
        <source>Working copy information</source>
        <translation>Thông tin bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../processing/working_copy_info.py" line="29"/>
        <source>Reads a working copy without changing it and reports its schema version, commune, coordinate reference system, counts of parcels, sheets, parties and rights, and the journal entries not yet pushed.</source>
        <translation>Đọc bản sao làm việc mà không thay đổi nó và báo cáo phiên bản lược đồ, xã, hệ toạ độ, số thửa đất, tờ bản đồ, chủ sử dụng và quyền, cùng các mục nhật ký chưa gửi lên máy chủ.</translation>
    </message>
    <message>
        <location filename="../processing/working_copy_info.py" line="34"/>
        <source>Working copy</source>
        <translation>Bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../processing/working_copy_info.py" line="36"/>
        <source>Summary (JSON)</source>
        <translation>Tóm tắt (JSON)</translation>
    </message>
</context>
<context>
    <name>WorkingCopyInfoDialog</name>
    <message>
        <location filename="../ui/info_dialog.py" line="21"/>
        <source>Working copy information</source>
        <translation>Thông tin bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="60"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="61"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="62"/>
        <source>Coordinate reference system</source>
        <translation>Hệ quy chiếu tọa độ</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="63"/>
        <source>Parcels (current / all)</source>
        <translation>Thửa đất (hiện hành / tất cả)</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="63"/>
        <source>{current} / {total}</source>
        <translation>{current} / {total}</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="66"/>
        <source>Map sheets</source>
        <translation>Tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="67"/>
        <source>Parties</source>
        <translation>Chủ sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="68"/>
        <source>Rights</source>
        <translation>Quyền sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="71"/>
        <source>Journal entries</source>
        <translation>Mục nhật ký</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="71"/>
        <source>{total} ({unpushed} not yet pushed)</source>
        <translation>{total} ({unpushed} chưa gửi lên máy chủ)</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="74"/>
        <source>Schema version</source>
        <translation>Phiên bản lược đồ</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="35"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="69"/>
        <source>Certificates</source>
        <translation>Giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../ui/info_dialog.py" line="70"/>
        <source>Transactions</source>
        <translation>Biến động</translation>
    </message>
</context>
<context>
    <name>WorkingCopyLayers</name>
    <message>
        <location filename="../ui/working_copy_layers.py" line="100"/>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/working_copy_layers.py" line="101"/>
        <source>Map sheets</source>
        <translation>Tờ bản đồ</translation>
    </message>
</context>
</TS>
