<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_US">
<context>
    <name>CadastreActions</name>
    <message>
        <location filename="../ui/actions.py" line="228"/>
        <source>Cadastre Editor</source>
        <translation>Biên tập địa chính</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="48"/>
        <source>&amp;Cadastre</source>
        <translation>&amp;Địa chính</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="59"/>
        <source>Open working copy…</source>
        <translation>Mở bản sao làm việc…</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="63"/>
        <source>New demo working copy…</source>
        <translation>Tạo bản sao làm việc mẫu…</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="68"/>
        <source>Working copy information</source>
        <translation>Thông tin bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="68"/>
        <source>Show what the working copy of the active parcel layer holds</source>
        <translation>Xem nội dung bản sao làm việc của lớp thửa đất đang chọn</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="71"/>
        <source>Journal</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="71"/>
        <source>List the newest journal entries of the active working copy</source>
        <translation>Liệt kê các mục nhật ký mới nhất của bản sao làm việc đang chọn</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="138"/>
        <source>Select the parcel layer of a Cadastre Editor working copy</source>
        <translation>Hãy chọn lớp thửa đất của một bản sao làm việc Cadastre Editor</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="153"/>
        <source>Open working copy</source>
        <translation>Mở bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="153"/>
        <source>GeoPackage working copies (*.gpkg)</source>
        <translation>Bản sao làm việc GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="167"/>
        <source>Cannot open the working copy</source>
        <translation>Không mở được bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="222"/>
        <source>Cannot create the demo working copy</source>
        <translation>Không tạo được bản sao làm việc mẫu</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="228"/>
        <source>Demo working copy created: {path}</source>
        <translation>Đã tạo bản sao làm việc mẫu: {path}</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="240"/>
        <source>Cannot read the working copy</source>
        <translation>Không đọc được bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="59"/>
        <source>Open a Cadastre Editor working copy, a GeoPackage file, and add its parcels and map sheets to the map</source>
        <translation>Mở một bản sao làm việc Cadastre Editor, là một tệp GeoPackage, và đưa các thửa đất, tờ bản đồ của nó lên bản đồ</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="63"/>
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
        <location filename="../processing/provider.py" line="15"/>
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
