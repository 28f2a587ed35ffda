import Foundation
import ThiDuaCore
import ThiDuaWeb

#if canImport(Glibc)
    import Glibc
#endif

/// `thidua serve`: the ward's web application on this machine (docs/web-server.md).
enum ServeCommand: Command {
    static let name = "serve"
    static let examples = ["thidua serve", "thidua serve --bind 0.0.0.0 --allow-lan --port 8080", "thidua serve --root /srv/thidua/phuong"]
    static let abstract = "Chạy trang web của phường, xã để cán bộ và đơn vị làm việc bằng trình duyệt."
    static let options = [
        OptionSpec("--bind", value: "address", help: "Địa chỉ nghe (mặc định: 127.0.0.1, chỉ máy này)."),
        OptionSpec("--port", value: "port", help: "Cổng (mặc định: 8080)."),
        OptionSpec("--root", value: "dir", help: "Phục vụ mỗi thư mục con là một phường, xã, tại /<tên-thư-mục>/."),
        OptionSpec("--allow-lan", help: "Cho phép --bind một địa chỉ mạng nội bộ (máy khác trong mạng truy cập được)."),
        OptionSpec("--host", value: "names", help: "Tên hoặc địa chỉ khác mà trình duyệt dùng để mở trang, cách nhau bởi dấu phẩy."),
        OptionSpec("--secure-cookie", help: "Thêm thuộc tính Secure cho cookie phiên (chỉ khi đặt sau một máy chủ HTTPS)."),
    ]

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(CLIError) -> ExitCode {
        var configuration = ServerConfiguration()
        configuration.bindAddress = arguments.value("--bind", default: "127.0.0.1")
        guard let port = UInt16(arguments.value("--port", default: "8080")) else {
            throw .usage("Giá trị «\(arguments.values["--port"] ?? "")» không hợp lệ cho «--port <port>». Cần số từ 0 đến 65535.")
        }
        configuration.port = port
        let loopback = ServerConfiguration.isLoopback(configuration.bindAddress)
        if !loopback && !arguments.flags.contains("--allow-lan") {
            throw .usage(
                "--bind \(configuration.bindAddress) mở trang web cho các máy khác trong mạng. Nếu đúng ý bạn, thêm --allow-lan (xem docs/huong-dan-su-dung.md, mục 13)."
            )
        }
        var sessionPolicy = SessionPolicy()
        sessionPolicy.secureCookie = arguments.flags.contains("--secure-cookie")
        let mount = try makeMount(arguments, sessionPolicy: sessionPolicy, context: context)
        let application = WebApplication(mount: mount)
        let server = HTTPServer(configuration: configuration, respond: { application.respond($0) })
        // Signals are handled before the address is printed: a SIGTERM sent as soon as the server
        // answers must stop it, never be lost between SIG_IGN and the handler.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                context.console.print("Đang dừng máy chủ (chờ các yêu cầu đang xử lý xong)…")
                server.stop()
            }
            source.resume()
            return source
        }
        var names = (arguments.values["--host"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !loopback {
            names += configuration.bindAddress == "0.0.0.0" || configuration.bindAddress == "::" ? LocalAddresses.all() : [configuration.bindAddress]
        }
        // With a fixed port the Host check is in place before the first request can arrive.
        application.setHostPolicy(HostPolicy(port: port, names: names))
        let boundPort: UInt16
        do {
            boundPort = try server.start()
        } catch {
            sources.forEach { $0.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            throw .failure(error.message)
        }
        application.setHostPolicy(HostPolicy(port: boundPort, names: names))
        if !loopback {
            context.console.error(
                "Cảnh báo: trang web mở cho mọi máy trong mạng qua \(configuration.bindAddress):\(boundPort), không mã hóa (HTTP). Chỉ dùng trong mạng nội bộ tin cậy của cơ quan; không mở cổng này ra Internet."
            )
        }
        context.console.print("ThiDua đang chạy: http://127.0.0.1:\(boundPort)/" + (loopback ? "" : "  (máy khác: http://<địa chỉ máy này>:\(boundPort)/)"))
        for name in names where !ServerConfiguration.isLoopback(name) {
            context.console.print("  http://\(name.contains(":") ? "[\(name)]" : name):\(boundPort)/")
        }
        context.console.print("Nhấn Ctrl+C để dừng.")
        server.waitUntilStopped()
        sources.forEach { $0.cancel() }
        context.console.print("Đã dừng máy chủ.")
        return .success
    }

    /// One site for the workspace, or one per ward folder with `--root`.
    static func makeMount(_ arguments: ParsedArguments, sessionPolicy: SessionPolicy, context: CommandContext) throws(CLIError) -> WebApplication.Mount {
        guard let rootPath = arguments.values["--root"] else {
            warnIfNoAccounts(context.workspace, context: context)
            return .single(Site(workspace: context.workspace, registry: context.registry, sessionPolicy: sessionPolicy))
        }
        let root = context.userURL(rootPath)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        } catch {
            throw .failure("Không đọc được thư mục --root «\(rootPath)».")
        }
        var sites: [Site] = []
        for name in names where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(name, isDirectory: true)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            // The folder name becomes a URL segment and a cookie path: only plain names are served.
            guard Account.loginProblem(name) == nil else {
                context.console.error("Bỏ qua thư mục «\(name)»: tên chỉ được gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới.")
                continue
            }
            let workspace = Workspace(root: url)
            warnIfNoAccounts(workspace, context: context)
            let registry = CompiledTypes.registry(for: workspace, base: CompiledTypes.registry)
            sites.append(Site(name: name, workspace: workspace, registry: registry, sessionPolicy: sessionPolicy))
        }
        guard !sites.isEmpty else { throw .failure("Thư mục --root «\(rootPath)» không có thư mục con nào để phục vụ.") }
        return .wards(sites)
    }

    static func warnIfNoAccounts(_ workspace: Workspace, context: CommandContext) {
        let accounts = (try? AccountStore(workspace: workspace).all()) ?? []
        if accounts.isEmpty {
            context.console.error(
                "Chú ý: \(workspace.root.path) chưa có tài khoản nào, nên chưa ai đăng nhập được. Tạo tài khoản quản trị:\n"
                    + "  printf '%s' 'mật khẩu' | thidua --workspace \(workspace.root.path) user add admin --role admin --password-stdin")
        }
    }
}
