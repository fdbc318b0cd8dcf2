<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_US">
<context>
    <name>CadastreActions</name>
    <message>
        <location filename="../ui/actions.py" line="272"/>
        <source>Cadastre Editor</source>
        <translation>Biên tập địa chính</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="51"/>
        <source>&amp;Cadastre</source>
        <translation>&amp;Địa chính</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="62"/>
        <source>Open working copy…</source>
        <translation>Mở bản sao làm việc…</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="66"/>
        <source>New demo working copy…</source>
        <translation>Tạo bản sao làm việc mẫu…</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="71"/>
        <source>Working copy information</source>
        <translation>Thông tin bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="71"/>
        <source>Show what the working copy of the active parcel layer holds</source>
        <translation>Xem nội dung bản sao làm việc của lớp thửa đất đang chọn</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="74"/>
        <source>Journal</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="74"/>
        <source>List the newest journal entries of the active working copy</source>
        <translation>Liệt kê các mục nhật ký mới nhất của bản sao làm việc đang chọn</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="178"/>
        <source>Select the parcel layer of a Cadastre Editor working copy</source>
        <translation>Hãy chọn lớp thửa đất của một bản sao làm việc Cadastre Editor</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="197"/>
        <source>Open working copy</source>
        <translation>Mở bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="197"/>
        <source>GeoPackage working copies (*.gpkg)</source>
        <translation>Bản sao làm việc GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="211"/>
        <source>Cannot open the working copy</source>
        <translation>Không mở được bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="266"/>
        <source>Cannot create the demo working copy</source>
        <translation>Không tạo được bản sao làm việc mẫu</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="272"/>
        <source>Demo working copy created: {path}</source>
        <translation>Đã tạo bản sao làm việc mẫu: {path}</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="284"/>
        <source>Cannot read the working copy</source>
        <translation>Không đọc được bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="62"/>
        <source>Open a Cadastre Editor working copy, a GeoPackage file, and add its parcels and map sheets to the map</source>
        <translation>Mở một bản sao làm việc Cadastre Editor, là một tệp GeoPackage, và đưa các thửa đất, tờ bản đồ của nó lên bản đồ</translation>
    </message>
    <message>
        <location filename="../ui/actions.py" line="66"/>
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
        <location filename="../processing/provider.py" line="18"/>
        <source>Cadastre Editor</source>
        <translation>Biên tập địa chính</translation>
    </message>
</context>
<context>
    <name>CertificateSection</name>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="139"/>
        <source>Issue a new certificate</source>
        <translation>Cấp Giấy chứng nhận mới</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="144"/>
        <source>e.g. DA 123456</source>
        <translation>ví dụ DA 123456</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="151"/>
        <source>Serial number</source>
        <translation>Số phát hành (seri)</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="152"/>
        <source>Entry number</source>
        <translation>Số vào sổ cấp GCN</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="153"/>
        <source>Issue date</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="154"/>
        <source>Issuing authority</source>
        <translation>Cơ quan cấp</translation>
    </message>
</context>
<context>
    <name>CheckTopologyAlgorithm</name>
    <message>
        <location filename="../processing/check_topology.py" line="71"/>
        <source>Check cadastral topology</source>
        <translation>Kiểm tra topo bản đồ địa chính</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="74"/>
        <source>Quality</source>
        <translation>Chất lượng</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="80"/>
        <source>Checks a parcel layer: invalid and multipart parcels, overlaps, gaps and slivers narrower than the tolerance, vertices near a neighbour&apos;s edge, duplicate vertices, spikes, parcels drawn twice, duplicate parcel numbers within a map sheet, unknown land-use codes and areas that differ from the legal area. Fields left empty are found by their usual names (uuid, sheet_no or SoHieuToBanDo, parcel_no or SoThuTuThua, landuse or KyHieuMucDichSuDung, legal_area or DienTichPhapLy); rules whose fields are missing are skipped and listed in the summary. A layer in longitude/latitude is checked in the UTM zone of its centre. The tolerance is in metres; empty means the point accuracy of the map sheet scale (15 cm at 1:1000).</source>
        <translation>Kiểm tra một lớp thửa đất: thửa không hợp lệ và thửa nhiều phần, chồng lấn, khe hở và dải hẹp nhỏ hơn dung sai, đỉnh nằm sát cạnh thửa bên cạnh, đỉnh trùng, gai nhọn, thửa vẽ hai lần, số thửa trùng trong một tờ bản đồ, mã mục đích sử dụng không có trong danh mục và diện tích khác diện tích pháp lý. Trường để trống được tìm theo tên thông dụng (uuid, sheet_no hoặc SoHieuToBanDo, parcel_no hoặc SoThuTuThua, landuse hoặc KyHieuMucDichSuDung, legal_area hoặc DienTichPhapLy); quy tắc thiếu trường cần thiết được bỏ qua và ghi trong phần tóm tắt. Lớp theo kinh độ/vĩ độ được kiểm tra trong múi UTM tại tâm của lớp. Dung sai tính bằng mét; để trống là độ chính xác điểm theo tỷ lệ tờ bản đồ (15 cm ở tỷ lệ 1:1000).</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="92"/>
        <source>Parcel layer</source>
        <translation>Lớp thửa đất</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="94"/>
        <source>Parcel identifier field</source>
        <translation>Trường mã định danh thửa</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="95"/>
        <source>Map sheet number field</source>
        <translation>Trường số hiệu tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="96"/>
        <source>Parcel number field</source>
        <translation>Trường số thứ tự thửa</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="97"/>
        <source>Land-use code field</source>
        <translation>Trường mã mục đích sử dụng</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="98"/>
        <source>Legal area field</source>
        <translation>Trường diện tích pháp lý</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="102"/>
        <source>Tolerance (m; empty: the sheet scale&apos;s point accuracy)</source>
        <translation>Dung sai (m; để trống: độ chính xác điểm theo tỷ lệ tờ bản đồ)</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="105"/>
        <source>Rules (none chosen: all)</source>
        <translation>Quy tắc (không chọn: tất cả)</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="109"/>
        <source>Errors: points</source>
        <translation>Lỗi: điểm</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="109"/>
        <source>Errors: lines</source>
        <translation>Lỗi: đường</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="110"/>
        <source>Errors: areas</source>
        <translation>Lỗi: vùng</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="116"/>
        <source>Summary (JSON)</source>
        <translation>Tóm tắt (JSON)</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="117"/>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="118"/>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="124"/>
        <source>The parcel layer cannot be read.</source>
        <translation>Không đọc được lớp thửa đất.</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="154"/>
        <source>{parcels} parcels checked in {seconds} s (tolerance {tolerance} m, {crs}): {errors} errors, {warnings} warnings.</source>
        <translation>Đã kiểm tra {parcels} thửa trong {seconds} giây (dung sai {tolerance} m, {crs}): {errors} lỗi, {warnings} cảnh báo.</translation>
    </message>
    <message>
        <location filename="../processing/check_topology.py" line="160"/>
        <source>{rule} skipped: the layer has no {fields}.</source>
        <translation>Bỏ qua {rule}: lớp không có {fields}.</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="44"/>
        <source>GeoPackage working copies (*.gpkg)</source>
        <translation>Bản sao làm việc GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="49"/>
        <source>No sync server yet: enter one with Cadastre &gt; Sync server… first.</source>
        <translation>Chưa có máy chủ đồng bộ: hãy nhập một máy chủ ở Địa chính &gt; Máy chủ đồng bộ… trước.</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="53"/>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="73"/>
        <source>Commune code</source>
        <translation>Mã xã</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="57"/>
        <source>New working copy</source>
        <translation>Bản sao làm việc mới</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="59"/>
        <source>Check out</source>
        <translation>Lấy về</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="24"/>
        <source>Check out an area</source>
        <translation>Lấy về một khu vực</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="26"/>
        <source>Downloads a commune, a district or the parcels in the map&apos;s current extent from the central land database into a new working copy, in the background, and opens it. Edit it offline, then push your changes.</source>
        <translation>Tải một xã, một huyện hoặc các thửa đất trong phạm vi bản đồ đang hiển thị từ cơ sở dữ liệu đất đai trung tâm về một bản sao làm việc mới, chạy nền, rồi mở ra. Chỉnh sửa ngoại tuyến, sau đó đẩy các thay đổi lên máy chủ.</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="35"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="36"/>
        <source>District</source>
        <translation>Huyện</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="38"/>
        <source>Parcels in the current map extent</source>
        <translation>Các thửa trong phạm vi bản đồ hiện tại</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="54"/>
        <source>Area</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <location filename="../ui/sync/checkout_dialog.py" line="73"/>
        <source>District code</source>
        <translation>Mã huyện</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="49"/>
        <source>Sync status and conflicts</source>
        <translation>Trạng thái đồng bộ và xung đột</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="81"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="189"/>
        <source>Mine (this working copy)</source>
        <translation>Bản của tôi (bản sao làm việc này)</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="191"/>
        <source>Theirs (server)</source>
        <translation>Bản trên máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="86"/>
        <source>Keep mine</source>
        <translation>Giữ bản của tôi</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="87"/>
        <source>Take theirs</source>
        <translation>Lấy bản trên máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="88"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="89"/>
        <source>Push now</source>
        <translation>Đẩy lên ngay</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="90"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="91"/>
        <source>Keep this working copy&apos;s version; the next push replaces the server&apos;s version with it</source>
        <translation>Giữ phiên bản của bản sao làm việc này; lần đẩy lên sau sẽ thay phiên bản trên máy chủ bằng nó</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="93"/>
        <source>Replace this working copy&apos;s version with the server&apos;s; your change to this row is dropped</source>
        <translation>Thay phiên bản của bản sao làm việc này bằng bản trên máy chủ; thay đổi của bạn ở dòng này bị bỏ</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="95"/>
        <source>Write a merged version, starting from yours; the next push sends it</source>
        <translation>Soạn một phiên bản gộp, bắt đầu từ bản của tôi; lần đẩy lên sau sẽ gửi nó</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="138"/>
        <source>Server: {server} · commune {commune} · last pulled revision {pulled} · rows waiting to be pushed: {pending} · change set in the outbox: {outbox} changes · open conflicts: {conflicts}</source>
        <translation>Máy chủ: {server} · xã {commune} · phiên bản kéo về gần nhất {pulled} · dòng chờ đẩy lên: {pending} · bộ thay đổi đang chờ gửi: {outbox} thay đổi · xung đột đang mở: {conflicts}</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="138"/>
        <source>none (not checked out from a server)</source>
        <translation>không có (không lấy về từ máy chủ)</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="165"/>
        <source>No open conflicts.</source>
        <translation>Không có xung đột nào đang mở.</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="170"/>
        <source>Parcel {sheet}/{number}</source>
        <translation>Thửa đất {sheet}/{number}</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="175"/>
        <source>{what}: deleted here, changed on the server</source>
        <translation>{what}: đã xoá ở đây, đã thay đổi trên máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="177"/>
        <source>{what}: changed here, deleted on the server</source>
        <translation>{what}: đã thay đổi ở đây, đã xoá trên máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="178"/>
        <source>{what}: changed here and on the server</source>
        <translation>{what}: đã thay đổi ở đây và trên máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="189"/>
        <source>Mine: deleted in this working copy</source>
        <translation>Bản của tôi: đã xoá trong bản sao làm việc này</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="191"/>
        <source>Theirs: deleted on the server</source>
        <translation>Bản trên máy chủ: đã xoá trên máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="199"/>
        <source>(deleted)</source>
        <translation>(đã xoá)</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="250"/>
        <source>All conflicts are resolved. Push to send the resolutions to the server.</source>
        <translation>Đã giải quyết mọi xung đột. Hãy đẩy lên để gửi các cách giải quyết lên máy chủ.</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_dialog.py" line="226"/>
        <source>Boundary</source>
        <translation>Ranh giới thửa</translation>
    </message>
</context>
<context>
    <name>ConflictEditDialog</name>
    <message>
        <location filename="../ui/sync/conflict_edit_dialog.py" line="16"/>
        <source>Edit the conflicting row</source>
        <translation>Sửa dòng bị xung đột</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_edit_dialog.py" line="32"/>
        <source>Mine (this working copy)</source>
        <translation>Bản của tôi (bản sao làm việc này)</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_edit_dialog.py" line="32"/>
        <source>Theirs (server)</source>
        <translation>Bản trên máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_edit_dialog.py" line="36"/>
        <source>Boundary</source>
        <translation>Ranh giới</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_edit_dialog.py" line="40"/>
        <source>Save resolution</source>
        <translation>Lưu cách giải quyết</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_edit_dialog.py" line="69"/>
        <source>{field} is required: fill it in.</source>
        <translation>{field} là bắt buộc: hãy điền vào.</translation>
    </message>
    <message>
        <location filename="../ui/sync/conflict_edit_dialog.py" line="75"/>
        <source>A number field holds something that is not a number: check the whole numbers (sheet, parcel number) and the areas (e.g. 152.5).</source>
        <translation>Một trường số chứa giá trị không phải là số: hãy kiểm tra các số nguyên (số tờ, số thửa) và diện tích (ví dụ 152.5).</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="23"/>
        <source>Reject transaction</source>
        <translation>Từ chối biến động</translation>
    </message>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="23"/>
        <source>Approve transaction</source>
        <translation>Duyệt biến động</translation>
    </message>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="27"/>
        <source>The rejection and its reason are sent to the server with the next push; the surveyor sees them in the parcel history.</source>
        <translation>Quyết định từ chối và lý do được gửi lên máy chủ trong lần đẩy dữ liệu tiếp theo; người lập hồ sơ sẽ thấy trong lịch sử thửa đất.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="27"/>
        <source>Once approved, the transaction is the legal record. The approval is sent to the server with the next push, which accepts it from an officer&apos;s token only.</source>
        <translation>Sau khi được duyệt, biến động trở thành hồ sơ pháp lý. Quyết định duyệt được gửi lên máy chủ trong lần đẩy dữ liệu tiếp theo; máy chủ chỉ chấp nhận từ mã truy cập của cán bộ địa chính.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="40"/>
        <source>What is wrong or missing in the dossier</source>
        <translation>Hồ sơ sai hoặc thiếu gì</translation>
    </message>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="42"/>
        <source>Officer</source>
        <translation>Cán bộ duyệt</translation>
    </message>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="44"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="47"/>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location filename="../ui/transactions/approval_dialog.py" line="47"/>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
</context>
<context>
    <name>DemoDialog</name>
    <message>
        <location filename="../ui/demo_dialog.py" line="25"/>
        <source>New demo working copy</source>
        <translation>Tạo bản sao làm việc mẫu</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="27"/>
        <source>Generates a synthetic commune in Hải Phòng (VN-2000, TM-3 zone 105°45′, EPSG:9210) with map sheets, numbered parcels, parties, rights and certificates, and opens it.</source>
        <translation>Tạo một xã giả lập thuộc Hải Phòng (VN-2000, múi chiếu 3° kinh tuyến trục 105°45′, EPSG:9210) gồm các tờ bản đồ, thửa đất đã đánh số, chủ sử dụng, quyền sử dụng đất và giấy chứng nhận, rồi mở ra.</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="34"/>
        <source>GeoPackage working copies (*.gpkg)</source>
        <translation>Bản sao làm việc GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="47"/>
        <source>The same seed gives the same commune</source>
        <translation>Cùng một giá trị khởi tạo luôn cho ra cùng một xã</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="50"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="51"/>
        <source>Number of parcels</source>
        <translation>Số thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="52"/>
        <source>Seed</source>
        <translation>Giá trị khởi tạo</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="76"/>
        <source>Choose the file to write the working copy to.</source>
        <translation>Hãy chọn tệp để ghi bản sao làm việc.</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="80"/>
        <source>{path} exists already. Replace it with the demo working copy?</source>
        <translation>{path} đã tồn tại. Thay thế bằng bản sao làm việc mẫu?</translation>
    </message>
    <message>
        <location filename="../ui/demo_dialog.py" line="54"/>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
</context>
<context>
    <name>DemoGenerationTask</name>
    <message>
        <location filename="../ui/demo_task.py" line="40"/>
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
    <name>DgnImportDialog</name>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="24"/>
        <source>Import DGN sheet</source>
        <translation>Nhập tờ bản đồ DGN</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="26"/>
        <source>Builds parcels from a MicroStation DGN v7 sheet drawn by Circular 25/2014: boundaries on level 10, parcel numbers on 11, land use on 2, areas on 4. Problems found are added to the map as points.</source>
        <translation>Tạo thửa đất từ tờ bản đồ MicroStation DGN v7 vẽ theo Thông tư 25/2014: ranh giới ở lớp 10, số thửa ở lớp 11, loại đất ở lớp 2, diện tích ở lớp 4. Các lỗi phát hiện được thêm lên bản đồ dưới dạng điểm.</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="34"/>
        <source>DGN files (*.dgn *.DGN)</source>
        <translation>Tệp DGN (*.dgn *.DGN)</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="56"/>
        <source>GeoPackage working copies (*.gpkg)</source>
        <translation>Bản sao làm việc GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="61"/>
        <source>DGN file</source>
        <translation>Tệp DGN</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="62"/>
        <source>Commune code</source>
        <translation>Mã xã</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="63"/>
        <source>Commune name</source>
        <translation>Tên xã</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="64"/>
        <source>Map sheet number</source>
        <translation>Số hiệu tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="65"/>
        <source>Scale</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="66"/>
        <source>CRS</source>
        <translation>Hệ tọa độ</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="67"/>
        <source>Working copy (new or existing)</source>
        <translation>Bản sao làm việc (mới hoặc đã có)</translation>
    </message>
    <message>
        <location filename="../ui/io/dgn_dialog.py" line="69"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
</context>
<context>
    <name>DgnImportTask</name>
    <message>
        <location filename="../ui/io/tasks.py" line="18"/>
        <source>Importing DGN sheet {sheet}</source>
        <translation>Đang nhập tờ bản đồ DGN số {sheet}</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <location filename="../ui/dialog_buttons.py" line="16"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>DocumentSection</name>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="75"/>
        <source>Legal document</source>
        <translation>Văn bản pháp lý</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="79"/>
        <source>e.g. 012345.CN.001</source>
        <translation>ví dụ 012345.CN.001</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="90"/>
        <source>Dossier number</source>
        <translation>Số hồ sơ</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="91"/>
        <source>Document date</source>
        <translation>Ngày văn bản</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="92"/>
        <source>Deciding authority</source>
        <translation>Cơ quan giải quyết</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="93"/>
        <source>Recorded by</source>
        <translation>Người cập nhật</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="94"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>EditingTools</name>
    <message>
        <location filename="../tools/tool_actions.py" line="37"/>
        <source>Split parcel by line</source>
        <translation>Tách thửa theo đường vẽ</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="37"/>
        <source>Split a parcel along a drawn line: click the points of the line across the parcel, right-click to split, Esc to start over</source>
        <translation>Tách thửa theo một đường vẽ: bấm các điểm của đường cắt ngang qua thửa, bấm chuột phải để tách, Esc để vẽ lại</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="40"/>
        <source>Split parcel by area</source>
        <translation>Tách thửa theo diện tích</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="40"/>
        <source>Cut a given area off a parcel, parallel to a side or through a vertex, with both areas shown live</source>
        <translation>Tách một diện tích cho trước khỏi thửa, song song với một cạnh hoặc qua một đỉnh, hiển thị trực tiếp diện tích hai phần</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="43"/>
        <source>Merge selected parcels</source>
        <translation>Hợp các thửa đã chọn</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="43"/>
        <source>Merge the selected adjacent parcels of one map sheet into one new parcel</source>
        <translation>Hợp các thửa liền kề đã chọn trên cùng một tờ bản đồ thành một thửa mới</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="46"/>
        <source>Move shared boundary</source>
        <translation>Di chuyển ranh giới chung</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="46"/>
        <source>Drag a boundary vertex or segment: every parcel that shares it follows, without gap or overlap</source>
        <translation>Kéo một đỉnh hoặc một đoạn ranh giới: mọi thửa dùng chung đều thay đổi theo, không hở và không chồng lấn</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="49"/>
        <source>Survey input</source>
        <translation>Nhập số liệu đo</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="188"/>
        <source>Undo last parcel operation</source>
        <translation>Hoàn tác thao tác thửa gần nhất</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="53"/>
        <source>Undo the newest split, merge, boundary move or surveyed parcel of the working copy</source>
        <translation>Hoàn tác thao tác tách thửa, hợp thửa, di chuyển ranh giới hoặc tạo thửa từ số liệu đo gần nhất của bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="181"/>
        <source>Merge parcels</source>
        <translation>Hợp thửa</translation>
    </message>
    <message>
        <location filename="../tools/tool_actions.py" line="49"/>
        <source>Create a parcel, or a parcel&apos;s new boundary, from a bearing and distance traverse or from a total-station or GNSS coordinate list, with its closure checked</source>
        <translation>Tạo thửa, hoặc ranh giới mới của một thửa, từ đường chuyền phương vị và khoảng cách hoặc từ danh sách tọa độ máy toàn đạc hay GNSS, có kiểm tra sai số khép</translation>
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
    <name>ExchangeTable</name>
    <message>
        <location filename="../ui/transactions/exchange_table.py" line="27"/>
        <source>Parcel (sheet/number)</source>
        <translation>Thửa (tờ/số thửa)</translation>
    </message>
    <message>
        <location filename="../ui/transactions/exchange_table.py" line="27"/>
        <source>Area</source>
        <translation>Diện tích</translation>
    </message>
    <message>
        <location filename="../ui/transactions/exchange_table.py" line="27"/>
        <source>Current holders</source>
        <translation>Người đang sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/exchange_table.py" line="27"/>
        <source>Goes to</source>
        <translation>Giao cho</translation>
    </message>
    <message>
        <location filename="../ui/transactions/exchange_table.py" line="71"/>
        <source>no registered holder</source>
        <translation>chưa có người sử dụng được đăng ký</translation>
    </message>
</context>
<context>
    <name>ExportAlgorithm</name>
    <message>
        <location filename="../io/import_algorithms.py" line="254"/>
        <source>Export parcels (GeoPackage, shapefile, GeoJSON)</source>
        <translation>Xuất thửa đất (GeoPackage, shapefile, GeoJSON)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="257"/>
        <source>Import and export</source>
        <translation>Nhập và xuất</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="263"/>
        <source>Writes the parcels of a working copy, or of some sheets or parcel numbers (e.g. 5/12-20,31), under the Vietnamese field names; shapefiles with 10-character names in UTF-8 with a .cpg file.</source>
        <translation>Ghi các thửa đất của bản sao làm việc, hoặc của một số tờ hay số thửa (ví dụ 5/12-20,31), với tên trường tiếng Việt; shapefile có tên trường 10 ký tự, mã UTF-8 kèm tệp .cpg.</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="268"/>
        <source>Working copy</source>
        <translation>Bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="270"/>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="272"/>
        <source>Only these sheets (e.g. 1,4)</source>
        <translation>Chỉ các tờ này (ví dụ 1,4)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="274"/>
        <source>Only these parcels (e.g. 5/12-20,31; 6/2)</source>
        <translation>Chỉ các thửa này (ví dụ 5/12-20,31; 6/2)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="276"/>
        <source>Include retired parcels</source>
        <translation>Gồm cả thửa đã xoá bỏ</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="278"/>
        <source>Output file</source>
        <translation>Tệp kết quả</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="278"/>
        <source>GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson)</source>
        <translation>GeoPackage (*.gpkg);;Shapefile (*.shp);;GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="281"/>
        <source>Parcels written</source>
        <translation>Số thửa đã ghi</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../ui/quality/findings_model.py" line="48"/>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../ui/quality/findings_model.py" line="48"/>
        <source>Rule</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <location filename="../ui/quality/findings_model.py" line="48"/>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/quality/findings_model.py" line="48"/>
        <source>Message</source>
        <translation>Nội dung</translation>
    </message>
</context>
<context>
    <name>GeometrySection</name>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="175"/>
        <source>Split or merge</source>
        <translation>Tách, hợp thửa</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="176"/>
        <source>Merge the selected parcels</source>
        <translation>Hợp các thửa đã chọn</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="178"/>
        <source>Cut off an area from the parcel</source>
        <translation>Tách một phần diện tích của thửa</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="188"/>
        <source>parallel to side </source>
        <translation>song song với cạnh </translation>
    </message>
</context>
<context>
    <name>HoldersSection</name>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="124"/>
        <source>New holders</source>
        <translation>Người nhận quyền</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="102"/>
        <source>Registered party</source>
        <translation>Chủ đã đăng ký</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="103"/>
        <source>New party</source>
        <translation>Chủ mới</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="104"/>
        <source>Remove selected holder</source>
        <translation>Bỏ người đã chọn</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="135"/>
        <source>Holders of the new parcel (merge) or of the cut-off piece (split); leave empty to keep the current holders.</source>
        <translation>Người sử dụng thửa mới (hợp thửa) hoặc phần được tách (tách thửa); để trống để giữ người sử dụng hiện tại.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="138"/>
        <source>The party the recovered land is allocated to, if any.</source>
        <translation>Bên được giao đất thu hồi, nếu có.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="140"/>
        <source>Holders receiving the transferred shares.</source>
        <translation>Những người nhận phần quyền được chuyển.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="132"/>
        <source>Each parcel goes to the holders of another parcel of the exchange; every household must receive exactly one parcel.</source>
        <translation>Mỗi thửa được giao cho người sử dụng của một thửa khác trong hồ sơ chuyển đổi; mỗi hộ phải nhận đúng một thửa.</translation>
    </message>
</context>
<context>
    <name>HoldersTable</name>
    <message>
        <location filename="../ui/transactions/holders_table.py" line="31"/>
        <source>Holder</source>
        <translation>Người sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/holders_table.py" line="31"/>
        <source>Share</source>
        <translation>Phần quyền</translation>
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
        <location filename="../io/import_algorithms.py" line="53"/>
        <source>Working copy (existing, or new)</source>
        <translation>Bản sao làm việc (có sẵn hoặc mới)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="53"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="56"/>
        <source>Commune code (for a new working copy)</source>
        <translation>Mã xã (cho bản sao làm việc mới)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="59"/>
        <source>Commune name (for a new working copy)</source>
        <translation>Tên xã (cho bản sao làm việc mới)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="62"/>
        <source>Commune CRS, VN-2000 TM-3 (for a new working copy)</source>
        <translation>Hệ toạ độ của xã, VN-2000 TM-3 (cho bản sao làm việc mới)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="66"/>
        <source>Problem report (JSON)</source>
        <translation>Báo cáo lỗi (JSON)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="66"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="69"/>
        <source>Problems found</source>
        <translation>Số lỗi phát hiện</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="72"/>
        <source>Parcels imported</source>
        <translation>Số thửa đã nhập</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="74"/>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="75"/>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="89"/>
        <source>The working copy does not exist yet: give the commune code and its CRS.</source>
        <translation>Bản sao làm việc chưa tồn tại: hãy nhập mã xã và hệ toạ độ của xã.</translation>
    </message>
</context>
<context>
    <name>ImportDgnAlgorithm</name>
    <message>
        <location filename="../io/import_algorithms.py" line="139"/>
        <source>Import DGN cadastral sheet</source>
        <translation>Nhập tờ bản đồ địa chính DGN</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="142"/>
        <source>Builds parcels from a MicroStation DGN v7 sheet drawn by Circular 25/2014 (boundaries on level 10, parcel numbers on 11, land use on 2, areas on 4) and writes them into a working copy. Every problem (line work that does not close, a parcel without a number or with two, a label outside any parcel, a wrong area text) comes back as a point where it is.</source>
        <translation>Tạo thửa đất từ tờ bản đồ MicroStation DGN v7 vẽ theo Thông tư 25/2014 (ranh thửa ở lớp 10, số thửa ở lớp 11, loại đất ở lớp 2, diện tích ở lớp 4) và ghi vào bản sao làm việc. Mọi lỗi (đường ranh không khép kín, thửa không có số hoặc có hai số, nhãn nằm ngoài thửa, ghi chú diện tích sai) được trả về dưới dạng điểm tại đúng vị trí.</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="149"/>
        <source>DGN file (V7)</source>
        <translation>Tệp DGN (V7)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="151"/>
        <source>Map sheet number</source>
        <translation>Số hiệu tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="154"/>
        <source>Sheet scale</source>
        <translation>Tỷ lệ tờ bản đồ</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="156"/>
        <source>Snapping tolerance (m; empty: the scale&apos;s point accuracy)</source>
        <translation>Dung sai bắt điểm (m; để trống: độ chính xác điểm theo tỷ lệ)</translation>
    </message>
</context>
<context>
    <name>ImportLayerAlgorithm</name>
    <message>
        <location filename="../io/import_algorithms.py" line="189"/>
        <source>Import parcels (shapefile, MapInfo, GeoPackage, GeoJSON, EDIGEO)</source>
        <translation>Nhập thửa đất (shapefile, MapInfo, GeoPackage, GeoJSON, EDIGEO)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="192"/>
        <source>Imports a parcel layer through a field mapping (a saved JSON file, or the Vietnamese schema recognised by its field names, 10-character shapefile forms included), reprojected into the commune&apos;s CRS. Rows that cannot be imported are listed with the reason; nothing is dropped silently.</source>
        <translation>Nhập một lớp thửa đất qua bảng ánh xạ trường (tệp JSON đã lưu, hoặc lược đồ tiếng Việt nhận biết theo tên trường, kể cả dạng 10 ký tự của shapefile), chuyển sang hệ toạ độ của xã. Các dòng không nhập được đều được liệt kê kèm lý do; không bỏ sót dòng nào.</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="198"/>
        <source>Source file</source>
        <translation>Tệp nguồn</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="199"/>
        <source>Layer (when the source has several)</source>
        <translation>Lớp (khi nguồn có nhiều lớp)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="201"/>
        <source>Field mapping (JSON)</source>
        <translation>Ánh xạ trường (JSON)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="203"/>
        <source>Preset (when no mapping file)</source>
        <translation>Mẫu có sẵn (khi không có tệp ánh xạ)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="205"/>
        <source>Source CRS (when the file has none or a wrong one)</source>
        <translation>Hệ toạ độ nguồn (khi tệp không có hoặc sai)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="208"/>
        <source>Map sheet number for every row (overrides the mapping)</source>
        <translation>Số hiệu tờ bản đồ cho mọi dòng (thay cho ánh xạ)</translation>
    </message>
    <message>
        <location filename="../io/import_algorithms.py" line="211"/>
        <source>Sheet scale</source>
        <translation>Tỷ lệ tờ bản đồ</translation>
    </message>
</context>
<context>
    <name>IoActions</name>
    <message>
        <location filename="../ui/io/actions.py" line="47"/>
        <source>Import DGN sheet…</source>
        <translation>Nhập tờ bản đồ DGN…</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="47"/>
        <source>Build parcels from a MicroStation DGN v7 cadastral sheet into a working copy, in the background, and open it with the problems found</source>
        <translation>Tạo thửa đất từ tờ bản đồ địa chính MicroStation DGN v7 vào bản sao làm việc, chạy nền, rồi mở bản sao cùng các lỗi phát hiện</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="50"/>
        <source>Print the cadastral map extract of the selected parcel to a PDF file</source>
        <translation>In trích lục bản đồ địa chính của thửa đang chọn ra tệp PDF</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="52"/>
        <source>Print parcel extract</source>
        <translation>In trích lục thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="75"/>
        <source>Select exactly one parcel to print its extract</source>
        <translation>Hãy chọn đúng một thửa đất để in trích lục</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="93"/>
        <source>Save parcel extract</source>
        <translation>Lưu trích lục thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="93"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="101"/>
        <source>The parcel layer has unsaved edits: the extract shows the working copy as saved.</source>
        <translation>Lớp thửa đất có chỉnh sửa chưa lưu: trích lục thể hiện bản sao làm việc như đã lưu.</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="107"/>
        <source>Cannot print the parcel extract</source>
        <translation>Không in được trích lục thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="116"/>
        <source>Parcel extract written ({pages} pages): {path}</source>
        <translation>Đã ghi trích lục thửa đất ({pages} trang): {path}</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="231"/>
        <source>Cadastre Editor</source>
        <translation>Biên tập địa chính</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="119"/>
        <source>Open PDF</source>
        <translation>Mở PDF</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="158"/>
        <source>DGN import failed</source>
        <translation>Nhập DGN thất bại</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="160"/>
        <source>DGN import cancelled.</source>
        <translation>Đã hủy nhập DGN.</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="180"/>
        <source>{imported} parcels imported into {path}: {errors} errors, {warnings} warnings.</source>
        <translation>Đã nhập {imported} thửa vào {path}: {errors} lỗi, {warnings} cảnh báo.</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="201"/>
        <source>DGN import problems</source>
        <translation>Lỗi nhập DGN</translation>
    </message>
    <message>
        <location filename="../ui/io/actions.py" line="225"/>
        <source>A DGN import is already running: wait for it to finish.</source>
        <translation>Đang có một lượt nhập DGN chạy: hãy chờ nó hoàn tất.</translation>
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
    <name>MortgageSection</name>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="187"/>
        <source>Mortgage</source>
        <translation>Thế chấp</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="189"/>
        <source>Creditor: not chosen</source>
        <translation>Bên nhận thế chấp: chưa chọn</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="197"/>
        <source>Registered party</source>
        <translation>Chủ đã đăng ký</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="198"/>
        <source>New party</source>
        <translation>Chủ mới</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="205"/>
        <source>Registration date</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="206"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="210"/>
        <source>Creditor: {name}</source>
        <translation>Bên nhận thế chấp: {name}</translation>
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
    <name>NewPartyForm</name>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="90"/>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="93"/>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="103"/>
        <source>Add new party</source>
        <translation>Thêm chủ mới</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="109"/>
        <source>Kind</source>
        <translation>Loại chủ</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="110"/>
        <source>Name</source>
        <translation>Họ tên / Tên</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="111"/>
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="112"/>
        <source>Citizen ID (CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="113"/>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="114"/>
        <source>Land-user type</source>
        <translation>Đối tượng sử dụng đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="115"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
</context>
<context>
    <name>OperationRunner</name>
    <message>
        <location filename="../tools/runner.py" line="45"/>
        <source>Select the parcel layer of a Cadastre Editor working copy</source>
        <translation>Hãy chọn lớp thửa đất của một bản sao làm việc Cadastre Editor</translation>
    </message>
    <message>
        <location filename="../tools/runner.py" line="49"/>
        <source>The parcel layer has unsaved edits. Save or discard them (Toggle Editing) before using the parcel tools, which write to the working copy directly.</source>
        <translation>Lớp thửa đất có chỉnh sửa chưa lưu. Hãy lưu hoặc hủy các chỉnh sửa đó (Bật/tắt chỉnh sửa) trước khi dùng các công cụ thửa, vì các công cụ này ghi trực tiếp vào bản sao làm việc.</translation>
    </message>
    <message>
        <location filename="../tools/runner.py" line="90"/>
        <source>There is no parcel operation to undo.</source>
        <translation>Không có thao tác thửa nào để hoàn tác.</translation>
    </message>
    <message>
        <location filename="../tools/runner.py" line="130"/>
        <source>New quality problems around the edit ({count}):</source>
        <translation>Lỗi chất lượng mới quanh vùng chỉnh sửa ({count}):</translation>
    </message>
    <message>
        <location filename="../tools/runner.py" line="134"/>
        <source>…and {count} more, outlined in red on the map.</source>
        <translation>…và {count} lỗi khác, được tô viền đỏ trên bản đồ.</translation>
    </message>
</context>
<context>
    <name>ParcelChangesSection</name>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="218"/>
        <source>Parcel information</source>
        <translation>Thông tin thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="230"/>
        <source>Land use</source>
        <translation>Mục đích sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="231"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="232"/>
        <source>Legal area (m²)</source>
        <translation>Diện tích pháp lý (m²)</translation>
    </message>
</context>
<context>
    <name>ParcelDock</name>
    <message>
        <location filename="../ui/transactions/parcel_dock.py" line="48"/>
        <source>Read the parcel again from the working copy</source>
        <translation>Đọc lại thửa từ bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/transactions/parcel_dock.py" line="86"/>
        <source>Select a parcel on the parcel layer of a working copy</source>
        <translation>Hãy chọn một thửa trên lớp thửa đất của bản sao làm việc</translation>
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
    <name>ParcelHistoryDock</name>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="43"/>
        <source>Parcel history</source>
        <translation>Lịch sử thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="51"/>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="51"/>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="51"/>
        <source>Parcel</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="51"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="109"/>
        <source>Parcel {label} ({status}): {transactions} transactions, {versions} versions</source>
        <translation>Thửa {label} ({status}): {transactions} biến động, {versions} phiên bản</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="119"/>
        <source>Made from: {parcels}</source>
        <translation>Hình thành từ: {parcels}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="122"/>
        <source>Continued by: {parcels}</source>
        <translation>Được thay thế bởi: {parcels}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="133"/>
        <source>{label} (earlier parcel)</source>
        <translation>{label} (thửa trước)</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="135"/>
        <source>{label} (later parcel)</source>
        <translation>{label} (thửa sau)</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="142"/>
        <source>Version {n} (in force)</source>
        <translation>Phiên bản {n} (đang hiệu lực)</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="144"/>
        <source>Version {n}, retired {date}</source>
        <translation>Phiên bản {n}, chấm dứt {date}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="147"/>
        <source>Version {n}, until {date}</source>
        <translation>Phiên bản {n}, đến {date}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="167"/>
        <source>Double-click to open the scan</source>
        <translation>Nhấp đúp để mở bản quét</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="176"/>
        <source>Parcels before</source>
        <translation>Thửa trước biến động</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="178"/>
        <source>Parcels after</source>
        <translation>Thửa sau biến động</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="181"/>
        <source>Holders before</source>
        <translation>Người sử dụng trước</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="184"/>
        <source>Holders after</source>
        <translation>Người sử dụng sau</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="189"/>
        <source>{kind} registered</source>
        <translation>Đăng ký {kind}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="192"/>
        <source>{kind} released</source>
        <translation>Xóa {kind}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="195"/>
        <source>Certificate issued</source>
        <translation>Cấp Giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="196"/>
        <source>Certificate cancelled</source>
        <translation>Hủy Giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="200"/>
        <source>Owner information changed</source>
        <translation>Thay đổi thông tin người sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="200"/>
        <source>{name}, previously {values}</source>
        <translation>{name}, trước đây {values}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="203"/>
        <source>Scanned document</source>
        <translation>Tài liệu quét</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="205"/>
        <source>Recorded</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="208"/>
        <source>by {who} on {when}</source>
        <translation>bởi {who} lúc {when}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="404"/>
        <source>Downloading the scan '{name}' from the sync server…</source>
        <translation>Đang tải bản quét '{name}' từ máy chủ đồng bộ…</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="51"/>
        <source>Approval</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="58"/>
        <source>Approve…</source>
        <translation>Duyệt…</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="244"/>
        <source>Approve the selected submitted transaction (cadastral officer)</source>
        <translation>Duyệt biến động đang chờ duyệt được chọn (cán bộ địa chính)</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="61"/>
        <source>Reject…</source>
        <translation>Từ chối…</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="246"/>
        <source>Reject the selected submitted transaction, with the reason (cadastral officer)</source>
        <translation>Từ chối biến động đang chờ duyệt được chọn, kèm lý do (cán bộ địa chính)</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="216"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="217"/>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="211"/>
        <source>by {who} on {when}: {reason}</source>
        <translation>bởi {who} lúc {when}: {reason}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="216"/>
        <source>Submitted</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="301"/>
        <source>{type} ({code}), dossier {dossier}, recorded by {who} on {when}</source>
        <translation>{type} ({code}), hồ sơ {dossier}, do {who} lập lúc {when}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="321"/>
        <source>Transaction rejected.</source>
        <translation>Đã từ chối biến động.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="321"/>
        <source>Transaction approved.</source>
        <translation>Đã duyệt biến động.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="321"/>
        <source>Push to send the decision to the server.</source>
        <translation>Hãy đẩy dữ liệu (Push) để gửi quyết định lên máy chủ.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="64"/>
        <source>Withdraw decision</source>
        <translation>Rút lại quyết định</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="66"/>
        <source>Take back a decision made in this working copy and not yet accepted by the server (made by mistake, or refused because the token was not an officer&apos;s)</source>
        <translation>Rút lại quyết định đã lập trong bản sao làm việc này mà máy chủ chưa chấp nhận (lập nhầm, hoặc bị từ chối vì mã truy cập không phải của cán bộ địa chính)</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="287"/>
        <source>Decision withdrawn: the transaction is submitted again.</source>
        <translation>Đã rút lại quyết định: biến động trở lại trạng thái chờ duyệt.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/history_dock.py" line="241"/>
        <source>Only a cadastral officer&apos;s token may approve or reject; the token of {server} is a {role}&apos;s.</source>
        <translation>Chỉ mã truy cập của cán bộ địa chính mới được duyệt hoặc từ chối; mã truy cập của {server} thuộc loại {role}.</translation>
    </message>
</context>
<context>
    <name>ParcelInfoDock</name>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="15"/>
        <source>Parcel information</source>
        <translation>Thông tin thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="21"/>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="21"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="43"/>
        <source>Parcel {label} ({status})</source>
        <translation>Thửa {label} ({status})</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="46"/>
        <source>since {date}</source>
        <translation>từ {date}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="49"/>
        <source>Parcel</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="52"/>
        <source>Land use</source>
        <translation>Mục đích sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="53"/>
        <source>Area</source>
        <translation>Diện tích</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="54"/>
        <source>Legal area</source>
        <translation>Diện tích pháp lý</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="56"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="57"/>
        <source>Transactions recorded</source>
        <translation>Số biến động đã đăng ký</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="58"/>
        <source>Source identifier</source>
        <translation>Mã nguồn</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="63"/>
        <source>Rights and holders</source>
        <translation>Quyền và người sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="65"/>
        <source>No registered holder</source>
        <translation>Chưa có người sử dụng được đăng ký</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="67"/>
        <source>{landuse}, term: {term}</source>
        <translation>{landuse}, thời hạn: {term}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="75"/>
        <source>Restrictions</source>
        <translation>Hạn chế quyền</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="77"/>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="79"/>
        <source>{creditor}, registered {date}</source>
        <translation>{creditor}, đăng ký ngày {date}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="83"/>
        <source>Certificate</source>
        <translation>Giấy chứng nhận</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="85"/>
        <source>None valid</source>
        <translation>Không có giấy còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="87"/>
        <source>entry {entry}, issued {date} by {authority}</source>
        <translation>số vào sổ {entry}, cấp ngày {date} bởi {authority}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="97"/>
        <source>citizen ID {number}</source>
        <translation>CCCD {number}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="99"/>
        <source>tax code {number}</source>
        <translation>MST {number}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/info_dock.py" line="101"/>
        <source>born {year}</source>
        <translation>sinh năm {year}</translation>
    </message>
</context>
<context>
    <name>ParcelMapTool</name>
    <message>
        <location filename="../tools/base.py" line="61"/>
        <source>Cannot read the working copy</source>
        <translation>Không đọc được bản sao làm việc</translation>
    </message>
</context>
<context>
    <name>PartyChangesSection</name>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="227"/>
        <source>Owner information</source>
        <translation>Thông tin người sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="237"/>
        <source>Holder</source>
        <translation>Người sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="238"/>
        <source>Name</source>
        <translation>Họ tên / Tên</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="239"/>
        <source>Citizen ID (CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="240"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
</context>
<context>
    <name>PartySearch</name>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="36"/>
        <source>Name or citizen ID / tax code</source>
        <translation>Tên hoặc số CCCD / mã số thuế</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_picker.py" line="41"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
</context>
<context>
    <name>PendingApprovalsDock</name>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="32"/>
        <source>Pending approvals</source>
        <translation>Biến động chờ duyệt</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="41"/>
        <source>Read the pending transactions again from the working copy</source>
        <translation>Đọc lại các biến động chờ duyệt từ bản làm việc</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="48"/>
        <source>Recorded at</source>
        <translation>Thời điểm lập</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="48"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="48"/>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="48"/>
        <source>Parcels</source>
        <translation>Thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="48"/>
        <source>Recorded by</source>
        <translation>Người lập</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="57"/>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="59"/>
        <source>Select the transaction&apos;s parcels on the map and open it in the parcel history, to approve or reject it</source>
        <translation>Chọn các thửa đất của biến động trên bản đồ và mở biến động trong lịch sử thửa đất để duyệt hoặc từ chối</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="84"/>
        <source>Make a working copy&apos;s parcel layer active to see what waits for approval</source>
        <translation>Hãy chọn lớp thửa đất của một bản làm việc để xem các biến động chờ duyệt</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="96"/>
        <source>Nothing waits for approval.</source>
        <translation>Không có biến động nào chờ duyệt.</translation>
    </message>
    <message>
        <location filename="../ui/transactions/pending_dock.py" line="98"/>
        <source>{n} transactions wait for approval, oldest first. Double-click one to decide it in the parcel history.</source>
        <translation>{n} biến động chờ duyệt, cũ nhất trước. Nhấp đúp vào một biến động để duyệt hoặc từ chối trong lịch sử thửa đất.</translation>
    </message>
</context>
<context>
    <name>QualityActions</name>
    <message>
        <location filename="../ui/quality/actions.py" line="40"/>
        <source>Check topology</source>
        <translation>Kiểm tra topo</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="40"/>
        <source>Check the whole working copy in the background: invalid and overlapping parcels, gaps and slivers, stray vertices, duplicate numbers, land-use codes and areas</source>
        <translation>Kiểm tra toàn bộ bản sao làm việc ở chế độ nền: thửa không hợp lệ và chồng lấn, khe hở và dải hẹp, đỉnh lệch, số thửa trùng, mã mục đích sử dụng và diện tích</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="72"/>
        <source>The parcel layer has unsaved edits: the check reads the working copy as saved. Save the edits to have them checked.</source>
        <translation>Lớp thửa đất có chỉnh sửa chưa lưu: việc kiểm tra đọc bản sao làm việc như đã lưu. Hãy lưu các chỉnh sửa để chúng được kiểm tra.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="89"/>
        <source>Topology check failed</source>
        <translation>Kiểm tra topo không thành công</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="91"/>
        <source>Topology check cancelled.</source>
        <translation>Đã hủy kiểm tra topo.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="96"/>
        <source>{parcels} parcels checked in {seconds} s: {errors} errors, {warnings} warnings.</source>
        <translation>Đã kiểm tra {parcels} thửa trong {seconds} giây: {errors} lỗi, {warnings} cảnh báo.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="118"/>
        <source>The parcel layer has unsaved edits. Save or discard them (Toggle Editing) before fixing.</source>
        <translation>Lớp thửa đất có chỉnh sửa chưa lưu. Hãy lưu hoặc hủy các chỉnh sửa đó (Bật/tắt chỉnh sửa) trước khi sửa lỗi.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="135"/>
        <source>Fixing failed</source>
        <translation>Sửa lỗi không thành công</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="137"/>
        <source>Fixing cancelled before any change.</source>
        <translation>Đã hủy sửa lỗi trước khi có thay đổi nào.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="158"/>
        <source>Fixed {fixed} of {tried} errors.</source>
        <translation>Đã sửa {fixed} trên {tried} lỗi.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="161"/>
        <source>Stopped on request; the fixes made so far are kept.</source>
        <translation>Đã dừng theo yêu cầu; các lỗi đã sửa được giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="163"/>
        <source>The working copy had changed since the check: it was read and checked again.</source>
        <translation>Bản sao làm việc đã thay đổi sau lần kiểm tra: đã đọc lại và kiểm tra lại.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="170"/>
        <source>…and {count} more not fixed.</source>
        <translation>…và {count} lỗi khác chưa sửa được.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="221"/>
        <source>A topology check or fix is already running: wait for it, or cancel it in the Topology check panel.</source>
        <translation>Một lượt kiểm tra hoặc sửa lỗi topo đang chạy: hãy chờ, hoặc hủy trong bảng Kiểm tra topo.</translation>
    </message>
    <message>
        <location filename="../ui/quality/actions.py" line="241"/>
        <source>Topology check</source>
        <translation>Kiểm tra topo</translation>
    </message>
</context>
<context>
    <name>QualityDock</name>
    <message>
        <location filename="../ui/quality/dock.py" line="43"/>
        <source>Topology check</source>
        <translation>Kiểm tra topo</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="48"/>
        <source>No check yet: use Check topology on a parcel layer.</source>
        <translation>Chưa kiểm tra: hãy dùng Kiểm tra topo trên một lớp thửa đất.</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="52"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="62"/>
        <source>All severities</source>
        <translation>Mọi mức độ</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="63"/>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="64"/>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="66"/>
        <source>Rule</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="68"/>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="91"/>
        <source>Fix</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="92"/>
        <source>Fix the selected error automatically; the fix is kept only if it makes nothing worse</source>
        <translation>Tự động sửa lỗi đang chọn; kết quả chỉ được giữ nếu không làm phát sinh lỗi nào khác</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="94"/>
        <source>Fix all</source>
        <translation>Sửa tất cả</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="95"/>
        <source>Fix every listed error that has an automatic fix</source>
        <translation>Sửa mọi lỗi trong danh sách có cách sửa tự động</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="97"/>
        <source>Re-check</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="98"/>
        <source>Check the whole working copy again</source>
        <translation>Kiểm tra lại toàn bộ bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="129"/>
        <source>{name}: {parcels} parcels checked, {errors} errors, {warnings} warnings.</source>
        <translation>{name}: đã kiểm tra {parcels} thửa, {errors} lỗi, {warnings} cảnh báo.</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="134"/>
        <source>Not run, the data lacks what they need: {rules}.</source>
        <translation>Không chạy được vì dữ liệu thiếu thông tin cần thiết: {rules}.</translation>
    </message>
    <message>
        <location filename="../ui/quality/dock.py" line="149"/>
        <source>All rules ({count})</source>
        <translation>Mọi quy tắc ({count})</translation>
    </message>
</context>
<context>
    <name>QualityErrorLayers</name>
    <message>
        <location filename="../ui/quality/error_layers.py" line="131"/>
        <source>Topology check: {name}</source>
        <translation>Kiểm tra topo: {name}</translation>
    </message>
    <message>
        <location filename="../ui/quality/error_layers.py" line="135"/>
        <source>Errors: points</source>
        <translation>Lỗi: điểm</translation>
    </message>
    <message>
        <location filename="../ui/quality/error_layers.py" line="136"/>
        <source>Errors: lines</source>
        <translation>Lỗi: đường</translation>
    </message>
    <message>
        <location filename="../ui/quality/error_layers.py" line="137"/>
        <source>Errors: areas</source>
        <translation>Lỗi: vùng</translation>
    </message>
</context>
<context>
    <name>QualityTasks</name>
    <message>
        <location filename="../ui/quality/tasks.py" line="47"/>
        <source>Checking topology</source>
        <translation>Đang kiểm tra topo</translation>
    </message>
    <message>
        <location filename="../ui/quality/tasks.py" line="59"/>
        <source>Fixing topology errors</source>
        <translation>Đang sửa lỗi topo</translation>
    </message>
</context>
<context>
    <name>QualityTexts</name>
    <message>
        <location filename="../ui/quality/texts.py" line="20"/>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../ui/quality/texts.py" line="22"/>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
</context>
<context>
    <name>RecordTransactionDialog</name>
    <message>
        <location filename="../ui/transactions/record_dialog.py" line="40"/>
        <source>Record transaction</source>
        <translation>Đăng ký biến động</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_dialog.py" line="79"/>
        <source>Record</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_dialog.py" line="86"/>
        <source>Parcels</source>
        <translation>Các thửa</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_dialog.py" line="87"/>
        <source>Transaction type</source>
        <translation>Loại biến động</translation>
    </message>
</context>
<context>
    <name>ReleaseSection</name>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="114"/>
        <source>Mortgage to release</source>
        <translation>Thế chấp cần xóa</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="125"/>
        <source>{parcel}: {creditor}, registered {date}</source>
        <translation>{parcel}: {creditor}, đăng ký ngày {date}</translation>
    </message>
</context>
<context>
    <name>ScansSection</name>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="309"/>
        <source>Scanned documents</source>
        <translation>Tài liệu quét</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="317"/>
        <source>Add scan…</source>
        <translation>Thêm bản quét…</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="320"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="331"/>
        <source>Add scanned documents</source>
        <translation>Thêm tài liệu quét</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="331"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Bản quét (*.pdf *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>SharedVertexTool</name>
    <message>
        <location filename="../tools/vertex_tool.py" line="124"/>
        <source>Move shared boundary</source>
        <translation>Di chuyển ranh giới chung</translation>
    </message>
</context>
<context>
    <name>SplitAreaPanel</name>
    <message>
        <location filename="../tools/split_area_panel.py" line="34"/>
        <source>Split by area</source>
        <translation>Tách thửa theo diện tích</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="39"/>
        <source>Parallel to a side</source>
        <translation>Song song với một cạnh</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="40"/>
        <source>Cut with a line parallel to the side you click</source>
        <translation>Cắt bằng đường song song với cạnh được bấm chọn</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="42"/>
        <source>Through a vertex</source>
        <translation>Qua một đỉnh</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="43"/>
        <source>Cut with a line turning around the vertex you click</source>
        <translation>Cắt bằng đường xoay quanh đỉnh được bấm chọn</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="49"/>
        <source>Measure along the previous side</source>
        <translation>Tính theo cạnh phía trước</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="50"/>
        <source>Through a vertex: the cut piece lies along the side before the vertex instead of the side after it</source>
        <translation>Cắt qua đỉnh: phần được tách nằm dọc theo cạnh trước đỉnh thay vì cạnh sau đỉnh</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="59"/>
        <source>Area to cut off, in m² (follows the mouse until you type a value; Enter applies)</source>
        <translation>Diện tích cần tách, tính bằng m² (thay đổi theo chuột cho đến khi nhập giá trị; Enter để thực hiện)</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="66"/>
        <source>Split</source>
        <translation>Tách</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="67"/>
        <source>Cut the area off the parcel</source>
        <translation>Tách diện tích này khỏi thửa</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="68"/>
        <source>Start over</source>
        <translation>Chọn lại</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="69"/>
        <source>Choose another parcel, side or vertex (Esc)</source>
        <translation>Chọn thửa, cạnh hoặc đỉnh khác (Esc)</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="72"/>
        <source>Area to cut off</source>
        <translation>Diện tích cần tách</translation>
    </message>
    <message>
        <location filename="../tools/split_area_panel.py" line="112"/>
        <source>Click the parcel to split, then the side or vertex to cut from.</source>
        <translation>Bấm vào thửa cần tách, sau đó bấm vào cạnh hoặc đỉnh làm gốc cắt.</translation>
    </message>
</context>
<context>
    <name>SplitAreaTool</name>
    <message>
        <location filename="../tools/split_area_tool.py" line="258"/>
        <source>Split by area</source>
        <translation>Tách thửa theo diện tích</translation>
    </message>
    <message>
        <location filename="../tools/split_area_tool.py" line="220"/>
        <source>Parcel {parcel}, {area}</source>
        <translation>Thửa {parcel}, {area}</translation>
    </message>
    <message>
        <location filename="../tools/split_area_tool.py" line="228"/>
        <source>Click near the side to cut parallel to</source>
        <translation>Bấm gần cạnh cần cắt song song</translation>
    </message>
    <message>
        <location filename="../tools/split_area_tool.py" line="228"/>
        <source>Click near the vertex to cut through</source>
        <translation>Bấm gần đỉnh mà đường cắt đi qua</translation>
    </message>
    <message>
        <location filename="../tools/split_area_tool.py" line="237"/>
        <source>Cut off: {cut} — remainder: {rest}</source>
        <translation>Phần tách: {cut} — phần còn lại: {rest}</translation>
    </message>
    <message>
        <location filename="../tools/split_area_tool.py" line="241"/>
        <source>A piece would be below the minimum split area of {area} ({citation}); it may only be split off if merged with a neighbour in the same procedure.</source>
        <translation>Một phần sẽ nhỏ hơn diện tích tối thiểu được tách thửa là {area} ({citation}); chỉ được tách nếu đồng thời hợp phần đó với thửa liền kề trong cùng thủ tục.</translation>
    </message>
    <message>
        <location filename="../tools/split_area_tool.py" line="243"/>
        <source>plugin setting</source>
        <translation>thiết lập của plugin</translation>
    </message>
</context>
<context>
    <name>SplitLineTool</name>
    <message>
        <location filename="../tools/split_line_tool.py" line="105"/>
        <source>The line cuts several parcels: select the one to split</source>
        <translation>Đường vẽ cắt qua nhiều thửa: hãy chọn thửa cần tách</translation>
    </message>
    <message>
        <location filename="../tools/split_line_tool.py" line="128"/>
        <source>Split parcel</source>
        <translation>Tách thửa</translation>
    </message>
</context>
<context>
    <name>SplitPreview</name>
    <message>
        <location filename="../tools/split_preview.py" line="28"/>
        <source>⚠ below the minimum split area of {area}</source>
        <translation>⚠ nhỏ hơn diện tích tối thiểu được tách thửa {area}</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <location filename="../ui/sync/actions.py" line="46"/>
        <source>Sync server…</source>
        <translation>Máy chủ đồng bộ…</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="46"/>
        <source>Enter the central server&apos;s address and your access token, stored in QGIS&apos;s authentication database</source>
        <translation>Nhập địa chỉ máy chủ trung tâm và mã truy cập của bạn, được lưu trong cơ sở dữ liệu xác thực của QGIS</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="49"/>
        <source>Check out…</source>
        <translation>Lấy về…</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="49"/>
        <source>Download a commune from the central server into a new working copy and open it</source>
        <translation>Tải một xã từ máy chủ trung tâm về một bản sao làm việc mới và mở nó</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="52"/>
        <source>Push</source>
        <translation>Đẩy lên</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="52"/>
        <source>Check the working copy&apos;s changes and send them to the central server</source>
        <translation>Kiểm tra các thay đổi của bản sao làm việc và gửi chúng lên máy chủ trung tâm</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="55"/>
        <source>Pull</source>
        <translation>Kéo về</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="55"/>
        <source>Bring other offices&apos; changes from the central server into the working copy</source>
        <translation>Đưa các thay đổi của các văn phòng khác từ máy chủ trung tâm về bản sao làm việc</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="58"/>
        <source>Sync status / conflicts</source>
        <translation>Trạng thái đồng bộ / xung đột</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="58"/>
        <source>What is waiting to be pushed, and the rows changed both here and on the server, side by side</source>
        <translation>Những gì đang chờ đẩy lên, và các dòng bị thay đổi cả ở đây và trên máy chủ, đặt cạnh nhau</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="77"/>
        <source>Sync server saved: {url}. The token is in QGIS&apos;s authentication database.</source>
        <translation>Đã lưu máy chủ đồng bộ: {url}. Mã truy cập nằm trong cơ sở dữ liệu xác thực của QGIS.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="227"/>
        <source>Check-out failed</source>
        <translation>Lấy về thất bại</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="227"/>
        <source>Push failed</source>
        <translation>Đẩy lên thất bại</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="228"/>
        <source>Pull failed</source>
        <translation>Kéo về thất bại</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="138"/>
        <source>The working copy has unsaved edits on the map. Save them (Toggle Editing, Save) before synchronising: push and pull read and write the file itself.</source>
        <translation>Bản sao làm việc có chỉnh sửa chưa lưu trên bản đồ. Hãy lưu chúng (Bật/tắt chỉnh sửa, Lưu) trước khi đồng bộ: đẩy lên và kéo về đọc và ghi trực tiếp vào tệp.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="230"/>
        <source>Check-out cancelled: no working copy was made.</source>
        <translation>Đã huỷ lấy về: không tạo bản sao làm việc nào.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="230"/>
        <source>Push cancelled. Changes not yet sent stay in the working copy and go with the next push.</source>
        <translation>Đã huỷ đẩy lên. Các thay đổi chưa gửi vẫn nằm trong bản sao làm việc và sẽ được gửi ở lần đẩy lên sau.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="230"/>
        <source>Pull cancelled: the working copy was not changed.</source>
        <translation>Đã huỷ kéo về: bản sao làm việc không bị thay đổi.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="238"/>
        <source>{count} rows were changed both here and on the server. Nothing was overwritten: keep yours, take the server&apos;s or edit each one, then push again.</source>
        <translation>{count} dòng đã bị thay đổi cả ở đây và trên máy chủ. Không có gì bị ghi đè: với từng dòng, hãy giữ bản của tôi, lấy bản trên máy chủ hoặc sửa, rồi đẩy lên lại.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="260"/>
        <source>Commune {code} checked out at server revision {revision}: {parcels} parcels in {path}.</source>
        <translation>Đã lấy về xã {code} ở phiên bản máy chủ {revision}: {parcels} thửa đất trong {path}.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="272"/>
        <source>Nothing to push: the server has every change of this working copy.</source>
        <translation>Không có gì để đẩy lên: máy chủ đã có mọi thay đổi của bản sao làm việc này.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="275"/>
        <source>Pushed {changes} changes in {changesets} change sets; the server is at revision {revision}.</source>
        <translation>Đã đẩy lên {changes} thay đổi trong {changesets} bộ thay đổi; máy chủ đang ở phiên bản {revision}.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="283"/>
        <source>Pulled to server revision {head}: {applied} changes applied; {count} rows changed both here and on the server were not overwritten. Resolve them, then push.</source>
        <translation>Đã kéo về đến phiên bản máy chủ {head}: áp dụng {applied} thay đổi; {count} dòng bị thay đổi cả ở đây và trên máy chủ không bị ghi đè. Hãy giải quyết chúng rồi đẩy lên.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="290"/>
        <source>Pulled to server revision {head}: {received} changes received, {applied} applied.</source>
        <translation>Đã kéo về đến phiên bản máy chủ {head}: nhận {received} thay đổi, áp dụng {applied}.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="313"/>
        <source>…and {count} more, all shown on the map.</source>
        <translation>…và {count} lỗi khác, tất cả đều hiện trên bản đồ.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="315"/>
        <source>Refused by the server</source>
        <translation>Máy chủ từ chối</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="316"/>
        <source>Not sent: fix these first</source>
        <translation>Chưa gửi: hãy sửa các lỗi này trước</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="342"/>
        <source>Cannot read the sync status</source>
        <translation>Không đọc được trạng thái đồng bộ</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="369"/>
        <source>A synchronisation is already running: wait for it to finish or cancel it in the task manager.</source>
        <translation>Đang có một lần đồng bộ chạy: hãy chờ nó xong hoặc huỷ nó trong trình quản lý tác vụ.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="375"/>
        <source>Cadastre Editor</source>
        <translation>Cadastre Editor</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="228"/>
        <source>Download failed</source>
        <translation>Tải về thất bại</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="230"/>
        <source>Download cancelled.</source>
        <translation>Đã huỷ tải về.</translation>
    </message>
    <message>
        <location filename="../ui/sync/actions.py" line="263"/>
        <source>Communes {code} checked out at server revision {revision}: {parcels} parcels in {path}.</source>
        <translation>Đã lấy về các xã {code} ở phiên bản máy chủ {revision}: {parcels} thửa trong {path}.</translation>
    </message>
</context>
<context>
    <name>SyncServerDialog</name>
    <message>
        <location filename="../ui/sync/server_dialog.py" line="19"/>
        <source>Sync server</source>
        <translation>Máy chủ đồng bộ</translation>
    </message>
    <message>
        <location filename="../ui/sync/server_dialog.py" line="22"/>
        <source>The central land database this office synchronises with. The token is stored encrypted in QGIS&apos;s authentication database (protected by your master password), never in a project or a working copy.</source>
        <translation>Cơ sở dữ liệu đất đai trung tâm mà văn phòng này đồng bộ. Mã truy cập được lưu mã hoá trong cơ sở dữ liệu xác thực của QGIS (bảo vệ bằng mật khẩu chủ của bạn), không bao giờ trong dự án hay bản sao làm việc.</translation>
    </message>
    <message>
        <location filename="../ui/sync/server_dialog.py" line="34"/>
        <source>Allow unencrypted http (test servers only)</source>
        <translation>Cho phép http không mã hoá (chỉ cho máy chủ thử nghiệm)</translation>
    </message>
    <message>
        <location filename="../ui/sync/server_dialog.py" line="41"/>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <location filename="../ui/sync/server_dialog.py" line="42"/>
        <source>Access token</source>
        <translation>Mã truy cập</translation>
    </message>
    <message>
        <location filename="../ui/sync/server_dialog.py" line="45"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../ui/sync/server_dialog.py" line="60"/>
        <source>Stored; leave empty to keep it</source>
        <translation>Đã lưu; để trống để giữ nguyên</translation>
    </message>
    <message>
        <location filename="../ui/sync/server_dialog.py" line="60"/>
        <source>The token the server administrator gave you</source>
        <translation>Mã truy cập do quản trị viên máy chủ cấp cho bạn</translation>
    </message>
</context>
<context>
    <name>SyncTasks</name>
    <message>
        <location filename="../ui/sync/tasks.py" line="87"/>
        <source>Checking out commune {code}</source>
        <translation>Đang lấy về xã {code}</translation>
    </message>
    <message>
        <location filename="../ui/sync/tasks.py" line="113"/>
        <source>Pushing changes</source>
        <translation>Đang đẩy thay đổi lên</translation>
    </message>
    <message>
        <location filename="../ui/sync/tasks.py" line="120"/>
        <source>Pulling changes</source>
        <translation>Đang kéo thay đổi về</translation>
    </message>
    <message>
        <location filename="../ui/sync/tasks.py" line="129"/>
        <source>Downloading a scanned document</source>
        <translation>Đang tải một bản quét hồ sơ</translation>
    </message>
    <message>
        <location filename="../ui/sync/tasks.py" line="90"/>
        <source>Checking out district {code}</source>
        <translation>Đang lấy về huyện {code}</translation>
    </message>
    <message>
        <location filename="../ui/sync/tasks.py" line="93"/>
        <source>Checking out the parcels of an extent</source>
        <translation>Đang lấy về các thửa trong một phạm vi</translation>
    </message>
</context>
<context>
    <name>SyncViolationLayers</name>
    <message>
        <location filename="../ui/sync/violation_layers.py" line="67"/>
        <source>Push refused: {name}</source>
        <translation>Bị từ chối khi đẩy lên: {name}</translation>
    </message>
</context>
<context>
    <name>TermSection</name>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="276"/>
        <source>Land-use term</source>
        <translation>Thời hạn sử dụng đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="278"/>
        <source>Long-term use</source>
        <translation>Sử dụng lâu dài</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="281"/>
        <source>Change the term</source>
        <translation>Thay đổi thời hạn</translation>
    </message>
    <message>
        <location filename="../ui/transactions/record_sections.py" line="285"/>
        <source>New end of the term</source>
        <translation>Thời hạn sử dụng mới đến</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../ui/transactions/texts.py" line="52"/>
        <source>Mortgage</source>
        <translation>Thế chấp</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="52"/>
        <source>Easement</source>
        <translation>Quyền sử dụng hạn chế thửa liền kề</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="53"/>
        <source>Planning restriction</source>
        <translation>Hạn chế theo quy hoạch</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="53"/>
        <source>Restriction</source>
        <translation>Hạn chế</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="56"/>
        <source>Land-use right</source>
        <translation>Quyền sử dụng đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="57"/>
        <source>Ownership of attached assets</source>
        <translation>Quyền sở hữu tài sản gắn liền với đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="61"/>
        <source>Individual</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="61"/>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="62"/>
        <source>Married couple</source>
        <translation>Vợ chồng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="62"/>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="63"/>
        <source>Community</source>
        <translation>Cộng đồng dân cư</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="66"/>
        <source>Long-term</source>
        <translation>Lâu dài</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="69"/>
        <source>Retired</source>
        <translation>Đã chấm dứt</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="69"/>
        <source>Current</source>
        <translation>Đang sử dụng</translation>
    </message>
    <message>
        <location filename="../ui/transactions/texts.py" line="58"/>
        <source>Land management right</source>
        <translation>Quyền quản lý đất</translation>
    </message>
</context>
<context>
    <name>TransactionActions</name>
    <message>
        <location filename="../ui/transactions/actions.py" line="34"/>
        <source>Record a registration change of the selected parcel: transfer, inheritance, mortgage, split or merge and the others, with its legal document</source>
        <translation>Đăng ký biến động của thửa đã chọn: chuyển nhượng, thừa kế, thế chấp, tách hợp thửa và các loại khác, cùng văn bản pháp lý</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="37"/>
        <source>Record transaction…</source>
        <translation>Đăng ký biến động…</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="39"/>
        <source>Parcel information</source>
        <translation>Thông tin thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="39"/>
        <source>Show the holders, rights, restrictions and certificate of the selected parcel</source>
        <translation>Xem người sử dụng, quyền, hạn chế và Giấy chứng nhận của thửa đã chọn</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="42"/>
        <source>Parcel history</source>
        <translation>Lịch sử thửa đất</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="42"/>
        <source>Show every transaction and version of the selected parcel, with the parcels it came from and became</source>
        <translation>Xem mọi biến động và phiên bản của thửa đã chọn, cùng các thửa hình thành nên nó và thửa thay thế nó</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="92"/>
        <source>Select the parcel to record a transaction on</source>
        <translation>Hãy chọn thửa cần đăng ký biến động</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="180"/>
        <source>Cannot record a transaction</source>
        <translation>Không thể đăng ký biến động</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="212"/>
        <source>Cadastre Editor</source>
        <translation>Biên tập địa chính</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="212"/>
        <source>Transaction recorded: {name}, dossier {dossier}</source>
        <translation>Đã đăng ký biến động: {name}, hồ sơ {dossier}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="46"/>
        <source>Pending approvals</source>
        <translation>Biến động chờ duyệt</translation>
    </message>
    <message>
        <location filename="../ui/transactions/actions.py" line="46"/>
        <source>List the submitted transactions waiting for an officer&apos;s approval, oldest first, and open each in the parcel history</source>
        <translation>Liệt kê các biến động đã nộp đang chờ cán bộ duyệt, cũ nhất trước, và mở từng biến động trong lịch sử thửa đất</translation>
    </message>
</context>
<context>
    <name>TransferorsSection</name>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="45"/>
        <source>Transferring party</source>
        <translation>Bên chuyển quyền</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="37"/>
        <source>Tick the current holders who give their share:</source>
        <translation>Đánh dấu những người đang sử dụng chuyển phần quyền của mình:</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="81"/>
        <source>Keep their share: {names}</source>
        <translation>Giữ nguyên phần quyền: {names}</translation>
    </message>
    <message>
        <location filename="../ui/transactions/party_sections.py" line="77"/>
        <source>In an exchange the holders of each parcel give all of it; see the table below.</source>
        <translation>Khi chuyển đổi, người sử dụng của mỗi thửa giao toàn bộ thửa đó; xem bảng bên dưới.</translation>
    </message>
</context>
<context>
    <name>TraverseDock</name>
    <message>
        <location filename="../tools/traverse_dock.py" line="50"/>
        <source>Survey input</source>
        <translation>Nhập số liệu đo</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="62"/>
        <source>Bearings and distances</source>
        <translation>Phương vị và khoảng cách</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="63"/>
        <source>Coordinate list</source>
        <translation>Danh sách tọa độ</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="70"/>
        <source>Largest linear misclosure accepted</source>
        <translation>Sai số khép tuyến tính lớn nhất cho phép</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="76"/>
        <source>Worst relative precision accepted</source>
        <translation>Sai số khép tương đối lớn nhất cho phép</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="83"/>
        <source>New parcel on unparcelled land</source>
        <translation>Thửa mới trên đất chưa lập thửa</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="84"/>
        <source>The surveyed boundary becomes a new parcel; it may not overlap any parcel</source>
        <translation>Ranh giới đo đạc trở thành một thửa mới; thửa này không được chồng lấn thửa nào</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="102"/>
        <source>Land-use code, optional (e.g. ONT)</source>
        <translation>Mã mục đích sử dụng, không bắt buộc (ví dụ ONT)</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="103"/>
        <source>Land-use code of the surveyed parcel</source>
        <translation>Mã mục đích sử dụng của thửa đo đạc</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="104"/>
        <source>Create parcel</source>
        <translation>Tạo thửa</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="107"/>
        <source>Closure tolerance</source>
        <translation>Hạn sai khép</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="108"/>
        <source>Relative precision</source>
        <translation>Sai số tương đối</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="109"/>
        <source>Land use</source>
        <translation>Mục đích sử dụng</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="134"/>
        <source>X, northing (m)</source>
        <translation>X, tọa độ Bắc (m)</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="135"/>
        <source>Start point X: the northing, in VN-2000</source>
        <translation>X của điểm đầu: tọa độ Bắc, hệ VN-2000</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="137"/>
        <source>Y, easting (m)</source>
        <translation>Y, tọa độ Đông (m)</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="138"/>
        <source>Start point Y: the easting, in VN-2000</source>
        <translation>Y của điểm đầu: tọa độ Đông, hệ VN-2000</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="139"/>
        <source>Pick on map</source>
        <translation>Chọn trên bản đồ</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="140"/>
        <source>Click the start point on the map, snapped to the parcel boundaries</source>
        <translation>Bấm chọn điểm đầu trên bản đồ, có bắt điểm vào ranh giới thửa</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="144"/>
        <source>Bearing</source>
        <translation>Phương vị</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="144"/>
        <source>Distance (m)</source>
        <translation>Khoảng cách (m)</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="146"/>
        <source>One leg per row: bearing clockwise from north as 125°30'15&quot;, 125 30 15 or 125.5042, and the distance in metres</source>
        <translation>Mỗi dòng một cạnh: phương vị theo chiều kim đồng hồ từ hướng Bắc dạng 125°30'15&quot;, 125 30 15 hoặc 125.5042, và khoảng cách tính bằng mét</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="149"/>
        <source>Add leg</source>
        <translation>Thêm cạnh</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="150"/>
        <source>Add a row for one more leg</source>
        <translation>Thêm một dòng cho cạnh tiếp theo</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="151"/>
        <source>Remove leg</source>
        <translation>Xóa cạnh</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="152"/>
        <source>Remove the selected leg, or the last one</source>
        <translation>Xóa cạnh đang chọn, hoặc cạnh cuối cùng</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="162"/>
        <source>Start point</source>
        <translation>Điểm đầu</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="177"/>
        <source>Import CSV…</source>
        <translation>Nhập tệp CSV…</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="178"/>
        <source>Read point id, X (northing), Y (easting) per row from a total-station or GNSS file; repeat the first point as the last row to measure the closure</source>
        <translation>Đọc tên điểm, X (tọa độ Bắc), Y (tọa độ Đông) trên mỗi dòng từ tệp của máy toàn đạc hoặc GNSS; lặp lại điểm đầu ở dòng cuối để tính sai số khép</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="184"/>
        <source>Point</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="255"/>
        <source>Import survey points</source>
        <translation>Nhập điểm đo</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="255"/>
        <source>Coordinate lists (*.csv *.txt)</source>
        <translation>Danh sách tọa độ (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="273"/>
        <source>{name}: {count} points</source>
        <translation>{name}: {count} điểm</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="299"/>
        <source>Leg {number}: {text}</source>
        <translation>Cạnh {number}: {text}</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="307"/>
        <source>Create the parcel from the survey</source>
        <translation>Tạo thửa từ số liệu đo</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="367"/>
        <source>Correct the file and import it again</source>
        <translation>Hãy sửa tệp rồi nhập lại</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="375"/>
        <source>Misclosure {linear} m (fX = {fx}, fY = {fy}), relative {relative}</source>
        <translation>Sai số khép {linear} m (fX = {fx}, fY = {fy}), tương đối {relative}</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="379"/>
        <source>within the tolerance</source>
        <translation>trong hạn sai</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="380"/>
        <source>beyond the tolerance: the parcel cannot be created</source>
        <translation>vượt hạn sai: không thể tạo thửa</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="385"/>
        <source>Select the parcel layer of a Cadastre Editor working copy</source>
        <translation>Hãy chọn lớp thửa đất của một bản sao làm việc Cadastre Editor</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="387"/>
        <source>Enter the start point and at least three legs, or import a coordinate list</source>
        <translation>Hãy nhập điểm đầu và ít nhất ba cạnh, hoặc nhập danh sách tọa độ</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="390"/>
        <source>Correct the problems listed above</source>
        <translation>Hãy sửa các lỗi liệt kê ở trên</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="393"/>
        <source>The closure is beyond the tolerance: check the field book</source>
        <translation>Sai số khép vượt hạn sai: hãy kiểm tra sổ đo</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="416"/>
        <source>Parcel from survey</source>
        <translation>Tạo thửa từ số liệu đo</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="86"/>
        <source>New parcel cut out of the parcels it covers</source>
        <translation>Thửa mới tách từ các thửa bị phủ</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="87"/>
        <source>Every parcel under the survey is retired; the surveyed piece becomes one new parcel and what remains of each parcel becomes new parcels</source>
        <translation>Mọi thửa nằm dưới phần đo đạc bị chấm dứt; phần đo đạc trở thành một thửa mới và phần còn lại của từng thửa trở thành các thửa mới</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="90"/>
        <source>New boundary of the selected parcel</source>
        <translation>Ranh giới mới cho thửa đã chọn</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="91"/>
        <source>Re-survey: the selected parcel keeps its number and gets the surveyed boundary; neighbours it now covers lose that land, strips it no longer covers go to the neighbour that held the old boundary</source>
        <translation>Đo đạc lại: thửa đã chọn giữ nguyên số thửa và nhận ranh giới đo đạc; các thửa liền kề bị phủ mất phần đất đó, các dải đất thửa không còn bao gồm được giao cho thửa liền kề có chung ranh giới cũ</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="99"/>
        <source>The parcels the operation would change, before anything is written</source>
        <translation>Các thửa mà thao tác sẽ thay đổi, trước khi ghi dữ liệu</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="421"/>
        <source>Select the one parcel whose boundary the survey replaces</source>
        <translation>Hãy chọn đúng một thửa cần thay ranh giới bằng số liệu đo</translation>
    </message>
    <message>
        <location filename="../tools/traverse_dock.py" line="352"/>
        <source>Parcels affected:</source>
        <translation>Các thửa bị ảnh hưởng:</translation>
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
